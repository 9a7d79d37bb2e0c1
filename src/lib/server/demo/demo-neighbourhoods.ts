// Demo mode: the simplified demo wijken and buurten (demo-neighbourhood-data.ts) and demo figures
// per wijk for the demo plans' indicators, so the map shows something. Idempotent and modest: a
// municipality whose real boundaries were imported gets no demo areas, an area or figure already
// there is never overwritten. Runs after the demo plans (it needs their indicators).
import type { Kysely } from 'kysely';
import { withSessionLock } from '../db/advisory-lock.ts';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { demoIndicatorsOf, hasImportedNeighbourhoods, insertDemoAreaFigure, insertDemoNeighbourhood } from '../safety-plan/neighbourhood-queries.ts';
import { DEMO_PLANS, type DemoIndicator } from './demo-safety-plan-data.ts';
import { DEMO_AREAS, DEMO_BOUNDARY_SOURCE, DEMO_WIJK_OFFSETS, DEMO_WIJK_WEIGHTS } from './demo-neighbourhood-data.ts';

/** A municipality-wide figure shared over the wijken: counts add up to it, a percentage varies around it. */
export function spreadOverWijken(total: number, unit: string, parts: number): number[] {
	if (unit === 'procent') return Array.from({ length: parts }, (_, i) => total + DEMO_WIJK_OFFSETS[i % DEMO_WIJK_OFFSETS.length]!);
	const shares = Array.from({ length: parts }, (_, i) => Math.round(total * DEMO_WIJK_WEIGHTS[i % DEMO_WIJK_WEIGHTS.length]!));
	shares[parts - 1] = total - shares.slice(0, -1).reduce((a, b) => a + b, 0);
	return shares;
}

/** The demo figures per area of one indicator: per wijk every year; per buurt (where there are buurten) all but the last year complete. */
export function demoAreaFigures(indicator: DemoIndicator, wijken: readonly string[], buurtenOf: (wijk: string) => string[]) {
	const out: { areaCode: string; year: number; value: number; source: string; measuredOn: string }[] = [];
	const latest = Math.max(...indicator.figures.map(([year]) => year));
	for (const [year, total] of indicator.figures) {
		const perWijk = spreadOverWijken(total, indicator.unit, wijken.length);
		wijken.forEach((wijk, i) => {
			const measuredOn = `${year + 1}-02-15`;
			out.push({ areaCode: wijk, year, value: perWijk[i]!, source: indicator.source, measuredOn });
			const buurten = buurtenOf(wijk);
			// The last wijk's buurten have no figure in the latest year: the map shows "geen cijfer".
			if (buurten.length === 0 || (year === latest && i === wijken.length - 1)) return;
			spreadOverWijken(perWijk[i]!, indicator.unit, buurten.length).forEach((value, j) => out.push({ areaCode: buurten[j]!, year, value, source: indicator.source, measuredOn }));
		});
	}
	return out;
}

/** Seeds what is missing; returns how many areas it added. */
export async function seedDemoNeighbourhoods(pool: Kysely<DB>, today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })): Promise<number> {
	return withSessionLock(pool, 'paraat-demo-neighbourhoods', async (db) => {
		let added = 0;
		for (const municipality of [...new Set(DEMO_AREAS.map((a) => a.municipality))]) {
			if (await hasImportedNeighbourhoods(db, municipality)) continue;
			const areas = DEMO_AREAS.filter((a) => a.municipality === municipality);
			const wijken = areas.filter((a) => a.kind === 'wijk').map((a) => a.code);
			const buurtenOf = (wijk: string) => areas.filter((a) => a.wijkCode === wijk).map((a) => a.code);
			const indicators = await demoIndicatorsOf(db, municipality);
			added += await transact(db, async (trx) => {
				let inserted = 0;
				for (const area of areas) if (await insertDemoNeighbourhood(trx, area, { source: DEMO_BOUNDARY_SOURCE, importedOn: today })) inserted++;
				for (const plan of DEMO_PLANS.filter((p) => p.municipality === municipality)) {
					for (const demo of plan.indicators) {
						const stored = indicators.find((i) => i.title === demo.title);
						if (!stored) continue;
						for (const figure of demoAreaFigures(demo, wijken, buurtenOf)) await insertDemoAreaFigure(trx, stored.id, figure);
					}
				}
				return inserted;
			});
		}
		return added;
	});
}
