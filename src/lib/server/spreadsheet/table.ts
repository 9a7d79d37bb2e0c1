// One export table, two files: the CSV and the Excel workbook of a list are made from the same
// columns, so they cannot drift apart. Each column has a type; every date-time column of a file
// uses the file's one format, named in the column header (e.g. "Begin (dd-mm-jjjj uu:mm)"), in
// Dutch local time.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const EXPORT_TIME_ZONE = 'Europe/Amsterdam';

export type DateTimeFormat = 'minutes' | 'seconds';

/** The format as date-fns writes it, as Excel shows it, and as the column header names it. */
export const DATE_TIME_FORMATS: Record<DateTimeFormat, { dateFns: string; excel: string; label: string }> = {
	minutes: { dateFns: 'dd-MM-yyyy HH:mm', excel: 'dd-mm-yyyy hh:mm', label: 'dd-mm-jjjj uu:mm' },
	seconds: { dateFns: 'dd-MM-yyyy HH:mm:ss', excel: 'dd-mm-yyyy hh:mm:ss', label: 'dd-mm-jjjj uu:mm:ss' }
};

export type Column<R> =
	| { header: string; type: 'text'; value: (row: R) => string | null; width?: number }
	| { header: string; type: 'number'; value: (row: R) => number | null; width?: number }
	/** An instant (ISO 8601 or Date); shown in Dutch local time. */
	| { header: string; type: 'datetime'; value: (row: R) => string | Date | null; width?: number };

export interface ExportTable<R> {
	/** The sheet's name in the workbook (at most 31 characters). */
	sheet: string;
	dateTimeFormat: DateTimeFormat;
	columns: Column<R>[];
}

/** The header as written in both files: date-time columns name the file's format. */
export function headerOf<R>(table: ExportTable<R>, column: Column<R>): string {
	return column.type === 'datetime' ? `${column.header} (${DATE_TIME_FORMATS[table.dateTimeFormat].label})` : column.header;
}

export function formatLocalDateTime(instant: string | Date, dateTimeFormat: DateTimeFormat): string {
	return format(new TZDate(new Date(instant).getTime(), EXPORT_TIME_ZONE), DATE_TIME_FORMATS[dateTimeFormat].dateFns);
}

/**
 * An Excel date-time has no time zone: it is the wall-clock time. This Date carries the Dutch
 * local time in its UTC fields, which is how the workbook writer turns a Date into a serial.
 */
export function wallClockDate(instant: string | Date): Date {
	const local = new TZDate(new Date(instant).getTime(), EXPORT_TIME_ZONE);
	return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}
