// An export table as an Excel workbook (write-excel-file: small, maintained, one dependency):
// date-time cells are real dates in the file's one format, numbers real numbers, so sorting and
// sums work in the spreadsheet without conversion.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { DATE_TIME_FORMATS, headerOf, wallClockDate, type ExportTable } from './table.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tableXlsx<R>(table: ExportTable<R>, rows: R[]): Promise<Buffer> {
	const header: Row = table.columns.map((column) => ({ value: headerOf(table, column), fontWeight: 'bold' }));
	const body: Row[] = rows.map((row) =>
		table.columns.map((column): Cell => {
			if (column.type === 'datetime') {
				const value = column.value(row);
				return value === null ? null : { type: Date, value: wallClockDate(value), format: DATE_TIME_FORMATS[table.dateTimeFormat].excel };
			}
			if (column.type === 'number') {
				const value = column.value(row);
				return value === null ? null : { type: Number, value };
			}
			const value = column.value(row);
			return value === null || value === '' ? null : { type: String, value };
		})
	);
	const columns = table.columns.map((column) => ({ width: column.width ?? Math.max(12, Math.min(40, headerOf(table, column).length + 2)) }));
	const file = writeExcelFile([header, ...body], { sheet: table.sheet, columns, stickyRowsCount: 1 });
	return Buffer.from(await file.toBuffer());
}
