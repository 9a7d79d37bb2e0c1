// The safety plan's neighbourhood map (issue 18): an indicator's figures per wijk or buurt for one
// year, with the outlines of the municipality's areas, as a GeoJSON FeatureCollection. Whoever may
// read the plan may read its map (the same check as the plan, on the server).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { notFound, validationFailed, type FieldError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { AreaFeatureCollection, NeighbourhoodKind } from '../../contracts/neighbourhood.ts';
import { readableMunicipality } from './safety-plan-service.ts';
import { findPlanIndicator, listAreaFigures, listNeighbourhoods, neighbourhoodLevels } from './neighbourhood-queries.ts';

export interface AreaQuery {
	/** `wijk` (default) or `buurt`. */
	level?: string | null;
	/** A year (four digits); default the latest year with figures per area. */
	year?: string | null;
}

export const NO_INDICATOR = 'Deze indicator hoort niet bij dit veiligheidsplan.';

export async function indicatorAreas(db: Kysely<DB>, user: SessionUser, planId: string, indicatorId: string, query: AreaQuery = {}): Promise<AreaFeatureCollection> {
	const municipality = await readableMunicipality(db, user, planId);
	const indicator = isUuid(indicatorId) ? await findPlanIndicator(db, planId, indicatorId) : undefined;
	if (!indicator) throw notFound(NO_INDICATOR);
	const level = query.level ?? 'wijk';
	const yearText = query.year ?? '';
	const fields: FieldError[] = [];
	if (level !== 'wijk' && level !== 'buurt') fields.push({ field: 'level', message: `Kies wijk of buurt, niet "${level}".`, code: 'invalid_value' });
	if (yearText !== '' && !/^\d{4}$/.test(yearText)) fields.push({ field: 'year', message: `"${yearText}" is geen jaar (vier cijfers).`, code: 'invalid_value' });
	if (fields.length > 0) throw validationFailed(fields);
	const kind = level as NeighbourhoodKind;

	const figures = await listAreaFigures(db, indicator.id, kind === 'wijk' ? 'WK' : 'BU');
	const areas = await listNeighbourhoods(db, municipality, kind);
	const codes = new Set(areas.map((a) => a.code));
	const years = [...new Set(figures.filter((f) => codes.has(f.areaCode)).map((f) => f.year))].sort((a, b) => a - b);
	const year = yearText !== '' ? Number(yearText) : (years.at(-1) ?? null);
	const ofYear = new Map(figures.filter((f) => f.year === year).map((f) => [f.areaCode, f]));
	return {
		type: 'FeatureCollection',
		planId,
		indicatorId: indicator.id,
		municipality,
		level: kind,
		year,
		years,
		levels: await neighbourhoodLevels(db, municipality),
		features: areas.map((a) => {
			const f = ofYear.get(a.code);
			return {
				type: 'Feature',
				id: a.code,
				geometry: a.geometry,
				properties: {
					code: a.code,
					name: a.name,
					kind: a.kind,
					wijkCode: a.wijkCode,
					value: f?.value ?? null,
					source: f?.source ?? null,
					measuredOn: f?.measuredOn ?? null,
					valueIsDemo: f?.isDemo ?? false,
					boundaryIsDemo: a.isDemo,
					boundarySource: a.source
				}
			};
		})
	};
}
