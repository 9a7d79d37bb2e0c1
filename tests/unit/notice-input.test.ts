import { describe, expect, it } from 'vitest';
import { noticeInput } from '../../src/lib/server/notices/notice-input.ts';

describe('noticeInput', () => {
	it('takes text, and message or body as synonyms', () => {
		expect(noticeInput.parse({ text: 'Stroomstoring Haarlem-Noord' })).toMatchObject({ title: 'Stroomstoring Haarlem-Noord', text: 'Stroomstoring Haarlem-Noord', severity: 'info' });
		expect(noticeInput.parse({ message: 'A' }).text).toBe('A');
		expect(noticeInput.parse({ body: 'B' }).text).toBe('B');
	});

	it('uses the first line as the title when none is given', () => {
		const parsed = noticeInput.parse({ text: 'Eerste regel\nmeer uitleg', severity: 'urgent' });
		expect(parsed).toMatchObject({ title: 'Eerste regel', severity: 'urgent' });
	});

	it.each([
		[{}, 'text'],
		[{ text: '   ' }, 'text'],
		[{ text: 'x'.repeat(4001) }, 'text'],
		[{ text: 'ok', severity: 'paniek' }, 'severity'],
		[{ text: 42 }, 'text'],
		[{ text: 'ok', title: 'x'.repeat(201) }, 'title']
	])('refuses %j naming %s in Dutch', (body, field) => {
		const parsed = noticeInput.safeParse(body);
		expect(parsed.success).toBe(false);
		const issue = parsed.error!.issues.find((i) => i.path[0] === field);
		expect(issue?.message).toMatch(/bericht|titel|urgentie/i);
	});
});
