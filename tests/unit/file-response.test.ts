// The one answer every download route gives: its type, its name, shown or saved, never cached, and
// exactly the file's bytes (a Node Buffer may be a window on a larger pool).
import { describe, expect, it } from 'vitest';
import { DOCX_CONTENT_TYPE, fileResponse, PDF_CONTENT_TYPE } from '../../src/lib/server/http/file-response.ts';

describe('fileResponse', () => {
	it('shows a PDF in the browser and never lets it be cached', async () => {
		const res = fileResponse(Buffer.from('%PDF-1.7'), { type: PDF_CONTENT_TYPE, name: 'voortgang-2024-1.pdf', disposition: 'inline' });
		expect(res.status).toBe(200);
		expect(Object.fromEntries(res.headers)).toEqual({
			'content-type': 'application/pdf',
			'content-disposition': 'inline; filename="voortgang-2024-1.pdf"',
			'cache-control': 'private, no-store'
		});
		expect(await res.text()).toBe('%PDF-1.7');
	});

	it('saves a Word document, with only its own bytes from a pooled Buffer', async () => {
		const pool = Buffer.from('xxDOCXyy');
		const res = fileResponse(pool.subarray(2, 6), { type: DOCX_CONTENT_TYPE, name: 'uitvoeringsprogramma-2024.docx', disposition: 'attachment' });
		expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="uitvoeringsprogramma-2024.docx"');
		expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('DOCX');
	});

	it('sends text as it is, with the charset in its type', async () => {
		const res = fileResponse('Naam;Datum\r\n', { type: 'text/csv; charset=utf-8', name: 'kalender.csv', disposition: 'attachment' });
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(await res.text()).toBe('Naam;Datum\r\n');
	});
});
