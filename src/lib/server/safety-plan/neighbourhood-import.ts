// The import of the CBS/PDOK Wijk- en buurtkaart (an operator command: `npm run import:wijken -- <file>`):
// read the file (neighbourhood-geojson.ts), refuse it whole when anything is wrong, and otherwise
// write every wijk or buurt of the nine municipalities in one transaction, replaced by its CBS code
// — so the same file twice changes nothing. A real file for a municipality replaces its demo set.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { ServiceError } from '../errors.ts';
import { KENNEMERLAND } from '../../domain/region.ts';
import { readBoundaryFile, type Crs } from './neighbourhood-geojson.ts';
import { deleteReplacedDemoAreas, existingCodes, upsertNeighbourhood } from './neighbourhood-queries.ts';

export interface BoundaryImport {
	wijken: number;
	buurten: number;
	crs: Crs | null;
	otherMunicipalities: number;
	water: number;
	/** Demo areas of these municipalities the file replaced. */
	demoRemoved: number;
	municipalities: string[];
}

/** A file that cannot be imported: every reason, in Dutch; nothing was written. */
export class BoundaryFileError extends ServiceError {
	readonly reasons: string[];
	constructor(reasons: string[]) {
		super(400, 'invalid_boundary_file', `Niets geïmporteerd: ${reasons.join(' ')}`);
		this.reasons = reasons;
	}
}

export async function importBoundaries(db: Kysely<DB>, content: string, meta: { source: string; importedOn: string }): Promise<BoundaryImport> {
	if (meta.source.trim() === '') throw new BoundaryFileError(['Noem de bron van de grenzen (bijvoorbeeld "CBS Wijk- en buurtkaart 2024, PDOK").']);
	const file = readBoundaryFile(content, KENNEMERLAND);
	if (file.errors.length > 0) throw new BoundaryFileError(file.errors);
	// Wijken first: a buurt refers to its wijk, which must be in the file or already loaded.
	const areas = [...file.areas].sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'wijk' ? -1 : 1));
	const inFile = new Set(areas.map((a) => a.code));
	return transact(db, async (trx) => {
		const neededWijken = [...new Set(areas.filter((a) => a.wijkCode && !inFile.has(a.wijkCode)).map((a) => a.wijkCode!))];
		const loaded = await existingCodes(trx, neededWijken);
		const orphans = neededWijken.filter((w) => !loaded.has(w));
		if (orphans.length > 0) {
			throw new BoundaryFileError([`De buurten horen bij wijken die nog niet zijn geladen (${orphans.slice(0, 10).join(', ')}${orphans.length > 10 ? ', …' : ''}): importeer eerst het bestand met de wijken.`]);
		}
		for (const area of areas) await upsertNeighbourhood(trx, area, { source: meta.source.trim(), importedOn: meta.importedOn, isDemo: false });
		const municipalities = [...new Set(areas.map((a) => a.municipality))].sort();
		const demoRemoved = await deleteReplacedDemoAreas(trx, municipalities, [...inFile]);
		return {
			wijken: areas.filter((a) => a.kind === 'wijk').length,
			buurten: areas.filter((a) => a.kind === 'buurt').length,
			crs: file.crs,
			otherMunicipalities: file.otherMunicipalities,
			water: file.water,
			demoRemoved,
			municipalities
		};
	});
}
