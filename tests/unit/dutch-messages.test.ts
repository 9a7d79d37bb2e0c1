// Every input schema of Paraat refuses garbage in Dutch: zod's own messages come from its Dutch
// locale and Paraat's clearer wording, never English. Any English validation word fails here.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { englishIn } from '../support/english.ts';

const modules = import.meta.glob<Record<string, unknown>>(['../../src/lib/contracts/*-input.ts', '../../src/lib/server/**/*-input.ts', '../../src/lib/server/**/*-forms.ts', '../../src/lib/domain/**/input-schema.ts'], { eager: true });

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
	Object.entries(exports)
		.filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
		.map(([name, schema]) => [`${file.replace(/^.*\/src\//, '')}#${name}`, schema] as const)
);

const LONG = 'x'.repeat(70_000);
const garbage: unknown[] = [
	null,
	[],
	'x',
	-1,
	2_147_483_648,
	true,
	{},
	{ version: 2_147_483_648, text: '\u0000', title: 1, id: 'x', municipality: [], startsAt: 'gisteren', email: 'geen', kind: { a: 1 } },
	{ version: -1.5, text: LONG, title: null, dueAt: 12, lat: 'noord', peakVisitors: 1e300, status: 'q', process: 7 }
];

// Form schemas get what a form post gives: a record of texts.
const formGarbage: Record<string, string>[] = [
	{},
	{ version: '2147483648', text: '\u0000', title: '', id: 'x', municipality: 'nergens', startsAt: 'gisteren', email: 'geen', lat: 'noord', demandLpm: '-5' },
	{ version: '1,5', text: LONG, title: LONG, status: 'q', process: '7', conclusion: 'misschien', disciplines: 'alle', peakVisitors: '1e300' }
];

describe('validation messages are Dutch', () => {
	it('finds the schemas', () => {
		expect(schemas.length).toBeGreaterThan(40);
	});

	it.each(schemas)('%s', (name, schema) => {
		const english: string[] = [];
		for (const value of name.includes('-forms.ts#') ? formGarbage : garbage) {
			const result = schema.safeParse(value);
			if (result.success) continue;
			for (const issue of result.error.issues) {
				if (englishIn(issue.message)) english.push(`${JSON.stringify(value).slice(0, 40)} → ${issue.path.join('.')}: ${issue.message}`);
			}
		}
		expect(english).toEqual([]);
	});
});
