// An export table as CSV the way Dutch Excel opens it: a BOM (so UTF-8 names survive), ';' as the
// separator, one date-time format, numbers as plain digits.
import { stringify } from 'csv-stringify/sync';
import { formatLocalDateTime, headerOf, type ExportTable } from './table.ts';

export function tableCsv<R>(table: ExportTable<R>, rows: R[]): string {
	const records = rows.map((row) =>
		table.columns.map((column) => {
			if (column.type === 'datetime') {
				const value = column.value(row);
				return value === null ? '' : formatLocalDateTime(value, table.dateTimeFormat);
			}
			const value = column.value(row);
			return value === null ? '' : String(value);
		})
	);
	return stringify([table.columns.map((c) => headerOf(table, c)), ...records], { delimiter: ';', bom: true });
}
