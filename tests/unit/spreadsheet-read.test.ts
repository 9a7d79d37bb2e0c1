// The workbook reader of the figure import refuses a workbook that would unpack to more than the
// limit before it unpacks anything, and still reads an ordinary one.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { MAX_UNPACKED_BYTES, workbookRows } from '../../src/lib/server/spreadsheet/read-xlsx.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';

describe('workbookRows', () => {
	it('refuses a zip that declares more unpacked bytes than the limit, with 413 in Dutch', async () => {
		// Zeros pack to almost nothing: a few hundred kilobytes that unpack to 60 MB.
		const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(MAX_UNPACKED_BYTES + 10 * 1024 * 1024) }, { level: 9 });
		expect(bomb.byteLength).toBeLessThan(1024 * 1024);
		const refused = await workbookRows(bomb).catch((err: unknown) => err);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused).toMatchObject({ status: 413, code: 'xlsx_too_large' });
		expect((refused as ServiceError).message).toContain('groter dan 50 MB');
	});

	it('reads an ordinary workbook: number cells stay numbers', async () => {
		const buffer = await writeExcelFile([
			[{ type: String, value: 'Indicator' }, { type: String, value: 'Jaar' }, { type: String, value: 'Waarde' }],
			[{ type: String, value: 'Woninginbraken' }, { type: Number, value: 2025 }, { type: Number, value: 77.5 }]
		]).toBuffer();
		const rows = await workbookRows(new Uint8Array(buffer));
		expect(rows).toEqual([
			['Indicator', 'Jaar', 'Waarde'],
			['Woninginbraken', 2025, 77.5]
		]);
	});
});
