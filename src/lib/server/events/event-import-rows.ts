// One row of an events list as an application: the mapped cells become the body the application
// form sends (times in Europe/Amsterdam), validated by the very schema of the form and the API, so
// an imported event meets the same rules as one typed in. Pure; every refusal names its row and field.
import { newApplicationInput, type NewApplicationInput } from '../../contracts/application-input.ts';
import type { ImportRowError } from '../../contracts/event-import.ts';
import { EVENT_TYPES, EVENT_TYPE_LABELS } from '../../domain/events/application.ts';
import { fromLocalInput } from '../../domain/events/event-time.ts';
import { IMPORT_FIELD_LABELS, type ImportField } from '../../domain/events/import-columns.ts';
import { cellText, eventImportKey, listNumber, nextDay, parseListDate, parseListTime, type ListCell } from '../../domain/events/import-cells.ts';

export type ColumnIndex = Partial<Record<ImportField, number>>;

export type CheckedRow = { row: number; ok: true; input: NewApplicationInput; key: string } | { row: number; ok: false; errors: ImportRowError[] };

const TEXT_FIELDS = ['name', 'address', 'description', 'organiserOrganisation', 'organiserName', 'organiserEmail', 'organiserPhone', 'organiserKvk'] as const;

/** A type written as the code or as its Dutch label ("Markt of braderie", "markt"). */
function eventTypeOf(text: string): string {
	const wanted = text.trim().toLocaleLowerCase('nl-NL');
	for (const code of EVENT_TYPES) {
		const label = EVENT_TYPE_LABELS[code].toLocaleLowerCase('nl-NL');
		if (wanted === code || wanted === label || label.split(/ of |-/).map((w) => w.trim()).includes(wanted)) return code;
	}
	return text;
}

const NONEXISTENT = 'bestaat niet: die klok wordt overgeslagen als de zomertijd ingaat. Kies een tijd een uur later.';

/** Local date and time → ISO with offset, or the reason it cannot be one. */
function instantOf(date: string, time: string, label: string): { iso: string } | { message: string } {
	const local = fromLocalInput(`${date}T${time}`);
	if (local.ok) return { iso: local.iso };
	return { message: local.reason === 'nonexistent' ? `${label} ${date} ${time} ${NONEXISTENT}` : `${label} is geen geldige datum en tijd.` };
}

/**
 * The times of a row. A date without any time is the whole local day (00:00 until 00:00 the next
 * day); an end time at or before the start time on the same date runs past midnight; 24:00 ends at
 * midnight. A date cell that holds a time (12-06-2027 14:00) needs no time column.
 */
function timesOf(cell: (f: ImportField) => ListCell | undefined, errors: ImportRowError[], row: number): { startsAt?: string; endsAt?: string } {
	const fail = (field: 'startsAt' | 'endsAt', message: string) => errors.push({ row, field, message });
	const startDay = parseListDate(cell('startDate'));
	if (!startDay) {
		const raw = cellText(cell('startDate'));
		fail('startsAt', raw ? `${IMPORT_FIELD_LABELS.startDate} «${raw}» is geen datum; schrijf bijvoorbeeld 12-06-2027.` : `Vul de datum van het evenement in.`);
		return {};
	}
	const startTimeCell = cell('startTime');
	const startTime = startDay.time ?? (cellText(startTimeCell) === '' ? '00:00' : parseListTime(startTimeCell));
	if (startTime === undefined || startTime === '24:00') {
		fail('startsAt', `${IMPORT_FIELD_LABELS.startTime} «${cellText(startTimeCell)}» is geen tijd; schrijf bijvoorbeeld 14:00.`);
		return {};
	}
	const endDayCell = cell('endDate');
	const endDay = cellText(endDayCell) === '' ? undefined : parseListDate(endDayCell);
	if (cellText(endDayCell) !== '' && !endDay) {
		fail('endsAt', `${IMPORT_FIELD_LABELS.endDate} «${cellText(endDayCell)}» is geen datum; schrijf bijvoorbeeld 14-06-2027.`);
		return {};
	}
	const endTimeCell = cell('endTime');
	let endTime = endDay?.time ?? (cellText(endTimeCell) === '' ? undefined : parseListTime(endTimeCell));
	if (cellText(endTimeCell) !== '' && endTime === undefined && !endDay?.time) {
		fail('endsAt', `${IMPORT_FIELD_LABELS.endTime} «${cellText(endTimeCell)}» is geen tijd; schrijf bijvoorbeeld 23:00.`);
		return {};
	}
	let endDate = endDay?.date ?? startDay.date;
	if (endTime === undefined) {
		// No end time: the event lasts until the end of its (last) day.
		endDate = nextDay(endDate);
		endTime = '00:00';
	} else if (endTime === '24:00') {
		endDate = nextDay(endDate);
		endTime = '00:00';
	} else if (!endDay && endTime <= startTime) {
		endDate = nextDay(endDate); // 20:00 – 02:00 on one date: until the night after
	}
	const start = instantOf(startDay.date, startTime, 'Het begin');
	const end = instantOf(endDate, endTime, 'Het einde');
	if ('message' in start) fail('startsAt', start.message);
	if ('message' in end) fail('endsAt', end.message);
	return { ...('iso' in start ? { startsAt: start.iso } : {}), ...('iso' in end ? { endsAt: end.iso } : {}) };
}

/** The body this row would send to POST /api/v1/events, before validation. */
export function rowBody(cells: readonly ListCell[], columns: ColumnIndex, municipality: string, row: number, errors: ImportRowError[]): Record<string, unknown> {
	const cell = (field: ImportField) => (columns[field] === undefined ? undefined : cells[columns[field]!]);
	const body: Record<string, unknown> = { municipality };
	for (const field of TEXT_FIELDS) {
		const text = cellText(cell(field));
		if (field === 'name' || text !== '') body[field] = text;
	}
	const type = cellText(cell('eventType'));
	if (type !== '') body.eventType = eventTypeOf(type);
	for (const field of ['peakVisitors', 'totalVisitors', 'areaM2'] as const) {
		const value = listNumber(cell(field));
		if (value !== undefined) body[field] = value;
	}
	Object.assign(body, timesOf(cell, errors, row));
	return body;
}

/** One data row checked: the validated application input and its key, or every reason it is refused. */
export function checkRow(cells: readonly ListCell[], columns: ColumnIndex, municipality: string, row: number): CheckedRow {
	const errors: ImportRowError[] = [];
	const body = rowBody(cells, columns, municipality, row, errors);
	const parsed = newApplicationInput.safeParse(body);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? 'name');
			// A time already refused by the row reader is not refused twice.
			if ((field === 'startsAt' || field === 'endsAt') && body[field] === undefined) continue;
			errors.push({ row, field, message: issue.message });
		}
	}
	if (errors.length > 0 || !parsed.success) return { row, ok: false, errors };
	return { row, ok: true, input: parsed.data, key: eventImportKey(municipality, parsed.data.name, parsed.data.startsAt, parsed.data.address ?? '') };
}

/** A row with no text in any cell: an empty line in the list, not an event. */
export function isEmptyRow(cells: readonly ListCell[]): boolean {
	return cells.every((c) => cellText(c) === '');
}
