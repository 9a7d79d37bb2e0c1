// `npm run import:wijken -- <file.geojson> [--bron "<bron>"]`: imports the wijken or buurten of the
// nine municipalities from a CBS/PDOK Wijk- en buurtkaart GeoJSON file into the running (or embedded)
// database, in one transaction; a wrong file is refused whole with the reasons in Dutch.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../db/index.ts';
import { importBoundaries } from '../safety-plan/neighbourhood-import.ts';
import { BackupError } from '../backup/backup-format.ts';
import { municipalityName } from '../../domain/region.ts';
import { openCommandDatabase } from './command-database.ts';
import { failCommand } from './command-failure.ts';

/** The file is read and parsed whole: a 119 MB file took about 1 GB of heap. A filtered file is a few megabytes. */
const MAX_BYTES = 200 * 1024 * 1024;
const USAGE = 'Gebruik: npm run import:wijken -- <bestand.geojson> [--bron "CBS Wijk- en buurtkaart 2024, PDOK"]';
const CRS_WORDS = { rd: 'RD New (EPSG:28992), omgerekend naar WGS84', wgs84: 'WGS84', 'wgs84-latlon': 'WGS84 (breedte eerst)' } as const;

function options(args: string[]): { file: string; source: string } {
	const at = args.indexOf('--bron');
	const source = at >= 0 ? (args[at + 1] ?? '') : '';
	const rest = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
	if (rest.length !== 1 || (at >= 0 && source === '')) throw new BackupError(USAGE);
	const file = path.resolve(rest[0]!);
	let bytes: number;
	try {
		const stat = statSync(file);
		if (!stat.isFile()) throw new Error();
		bytes = stat.size;
	} catch {
		throw new BackupError(`${rest[0]} bestaat niet of is geen bestand. ${USAGE}`);
	}
	if (bytes > MAX_BYTES) {
		throw new BackupError(`${rest[0]} is groter dan ${MAX_BYTES / 1024 / 1024} MB: neem alleen de negen gemeenten van Kennemerland (zie docs/safety-plan.md).`);
	}
	return { file, source: source || `CBS Wijk- en buurtkaart (PDOK), ${path.basename(file)}` };
}

try {
	const { file, source } = options(process.argv.slice(2));
	const content = readFileSync(file, 'utf8');
	const database = await openCommandDatabase();
	const db = createDb(database.url, { max: 2 });
	try {
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
		const result = await importBoundaries(db, content, { source, importedOn: today });
		console.log(
			`Geïmporteerd (${database.source}): ${result.wijken} wijken en ${result.buurten} buurten van ${result.municipalities.map(municipalityName).join(', ')}; coördinaten in ${result.crs ? CRS_WORDS[result.crs] : 'onbekend stelsel'}.`
		);
		if (result.otherMunicipalities > 0) console.log(`${result.otherMunicipalities} gebieden van andere gemeenten overgeslagen.`);
		if (result.water > 0) console.log(`${result.water} waterdelen overgeslagen.`);
		if (result.demoRemoved > 0) console.log(`${result.demoRemoved} demogebieden vervangen door de echte grenzen.`);
	} finally {
		await db.destroy();
		await database.stop();
	}
} catch (err) {
	failCommand('Import van wijken en buurten mislukt', err);
}
