// Importing indicator figures from a spreadsheet export (a Veiligheidsmonitor or police export as
// CSV or .xlsx): the user says which column holds what; every row is checked and refused with a Dutch
// reason naming its row number, so a file is imported whole or not at all. Pure: the records come
// from the CSV or workbook reader, the indicators from the plan.

/**
 * One cell as a reader yields it: text as written (a CSV field, a workbook's text cell, a workbook
 * date as `YYYY-MM-DD`), or a workbook's number cell, which is already a number — reading it as a
 * Dutch number would turn 1.234 into 1234.
 */
export type ImportCell = string | number;

export interface ColumnMapping {
	indicator: string;
	year: string;
	value: string;
	/** Optional: the CBS wijk/buurt code; empty or absent means the whole municipality. */
	area?: string;
	/** Optional: the date of the figure; else `defaultDate`. */
	measuredOn?: string;
	/** Optional: the source per row; else `defaultSource`. */
	source?: string;
}

export interface ImportDefaults {
	source: string;
	/** YYYY-MM-DD */
	measuredOn: string;
}

export interface FigureRow {
	/** The row in the file, counting the header as row 1 (as a spreadsheet shows it). */
	line: number;
	indicatorId: string;
	indicatorTitle: string;
	areaCode: string;
	year: number;
	value: number;
	source: string;
	measuredOn: string;
}

/**
 * The wijken and buurten of the plan's municipality when its boundaries are loaded: a code that is
 * not one of them is refused (it could not be drawn, and is most likely a typo or another municipality's).
 */
export interface KnownAreas {
	codes: ReadonlySet<string>;
	municipalityName: string;
}

export interface ImportCheck {
	rows: FigureRow[];
	errors: string[];
}

const AREA = /^(WK|BU)\d{6,8}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/** `1.234,5` and `1234.5` and `12,5` as numbers; undefined when it is not one. */
export function parseDutchNumber(text: string): number | undefined {
	const t = text.trim().replace(/\s/g, '');
	if (t === '') return undefined;
	let normal = t;
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d+,\d+$/.test(t)) normal = t.replace(',', '.');
	else if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
	const n = Number(normal);
	return Number.isFinite(n) ? n : undefined;
}

/** `2024-02-15` or `15-2-2024` as YYYY-MM-DD when it is a real date; else undefined. */
export function parseDate(text: string): string | undefined {
	const t = text.trim();
	let y: number, m: number, d: number;
	const iso = DATE.exec(t);
	const nl = DUTCH_DATE.exec(t);
	if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (nl) [y, m, d] = [Number(nl[3]), Number(nl[2]), Number(nl[1])];
	else return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const key = (s: string) => s.trim().toLocaleLowerCase('nl-NL');
const text = (cell: ImportCell | undefined) => (cell === undefined ? '' : String(cell).trim());
/** A number cell as it is; text as a Dutch or plain number. */
const numberOf = (cell: ImportCell | undefined) => (typeof cell === 'number' ? (Number.isFinite(cell) ? cell : undefined) : parseDutchNumber(text(cell)));

/**
 * Checks the file: the header must hold the mapped columns; each row must name an indicator of the
 * plan (by title, ignoring case), a year of the plan's period (or its baseline year), a number, and
 * when mapped a valid CBS code and date. The same indicator, area and year twice is refused too.
 */
export function checkFigureRows(
	records: readonly (readonly ImportCell[])[],
	mapping: ColumnMapping,
	indicators: readonly { id: string; title: string; baselineYear: number }[],
	period: { startYear: number; endYear: number },
	defaults: ImportDefaults,
	knownAreas: KnownAreas | null = null
): ImportCheck {
	const errors: string[] = [];
	const [header, ...body] = records;
	if (!header) return { rows: [], errors: ['Het bestand is leeg.'] };
	if (body.length === 0) errors.push('Het bestand heeft alleen een kopregel en geen cijfers.');
	const columns = header.map((c) => key(text(c)));
	const index: Partial<Record<keyof ColumnMapping, number>> = {};
	for (const field of ['indicator', 'year', 'value', 'area', 'measuredOn', 'source'] as const) {
		const name = mapping[field];
		if (name === undefined || name.trim() === '') continue;
		const at = columns.indexOf(key(name));
		if (at < 0) errors.push(`De kolom "${name}" staat niet in de kopregel (gevonden: ${header.join(', ')}).`);
		else index[field] = at;
	}
	if (errors.length > 0) return { rows: [], errors };

	const byTitle = new Map(indicators.map((i) => [key(i.title), i]));
	const seen = new Set<string>();
	const rows: FigureRow[] = [];
	body.forEach((record, i) => {
		const line = i + 2;
		const raw = (field: keyof ColumnMapping) => (index[field] === undefined ? undefined : record[index[field]!]);
		const cell = (field: keyof ColumnMapping) => text(raw(field));
		if (record.every((c) => text(c) === '')) return; // an empty line at the end of an export
		const rowErrors: string[] = [];
		const indicator = byTitle.get(key(cell('indicator')));
		if (!indicator) rowErrors.push(cell('indicator') ? `indicator "${cell('indicator')}" hoort niet bij dit plan` : 'indicator ontbreekt');
		const year = Number(cell('year'));
		const yearOk = /^\d{4}$/.test(cell('year')) && ((year >= period.startYear && year <= period.endYear) || (indicator !== undefined && year === indicator.baselineYear));
		if (!yearOk) rowErrors.push(cell('year') ? `jaar "${cell('year')}" valt buiten het plan (${period.startYear}–${period.endYear})` : 'jaar ontbreekt');
		const value = numberOf(raw('value'));
		if (value === undefined) rowErrors.push(cell('value') ? `waarde "${cell('value')}" is geen getal` : 'waarde ontbreekt');
		const area = cell('area').toUpperCase();
		if (area !== '' && !AREA.test(area)) rowErrors.push(`"${cell('area')}" is geen CBS-wijkcode (WK…) of -buurtcode (BU…)`);
		else if (area !== '' && knownAreas && !knownAreas.codes.has(area)) rowErrors.push(`${area} is geen wijk of buurt van ${knownAreas.municipalityName}`);
		const measuredOn = cell('measuredOn') === '' ? defaults.measuredOn : parseDate(cell('measuredOn'));
		if (measuredOn === undefined) rowErrors.push(`datum "${cell('measuredOn')}" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)`);
		const source = cell('source') || defaults.source;
		if (source.trim() === '') rowErrors.push('bron ontbreekt');
		if (rowErrors.length > 0) {
			errors.push(`Rij ${line}: ${rowErrors.join('; ')}.`);
			return;
		}
		const dup = `${indicator!.id}|${area}|${year}`;
		if (seen.has(dup)) {
			errors.push(`Rij ${line}: ${indicator!.title} ${area || 'hele gemeente'} ${year} staat al eerder in het bestand.`);
			return;
		}
		seen.add(dup);
		rows.push({ line, indicatorId: indicator!.id, indicatorTitle: indicator!.title, areaCode: area, year, value: value!, source, measuredOn: measuredOn! });
	});
	return { rows, errors };
}
