// An inject reaches players as an ordinary message of its stated source; only the oefenleiding
// sees that it was staged.
import { describe, expect, it } from 'vitest';
import { entryAsInject, entryAsSeenBy } from '../../src/lib/domain/injects.ts';

const entry = (injectId: string | null) => ({ number: 3, text: 'Rook in flatgebouw', source: 'Burger via 112', injectId, author: { id: 'u-oefenleider', name: 'Olga Oefenleider' } });

describe('entryAsSeenBy', () => {
	const cases: [string, string | null, boolean, { injectId: string | null; author: { id: string; name: string } }][] = [
		['an inject, seen by a player: the source as author, no mark', 'i1', false, { injectId: null, author: { id: '', name: 'Burger via 112' } }],
		['an inject, seen by the oefenleiding: as it is', 'i1', true, { injectId: 'i1', author: { id: 'u-oefenleider', name: 'Olga Oefenleider' } }],
		['an entry by a person, seen by a player: unchanged', null, false, { injectId: null, author: { id: 'u-oefenleider', name: 'Olga Oefenleider' } }],
		['an entry by a person, seen by the oefenleiding: unchanged', null, true, { injectId: null, author: { id: 'u-oefenleider', name: 'Olga Oefenleider' } }]
	];
	for (const [name, injectId, sees, expected] of cases) {
		it(name, () => {
			const seen = entryAsSeenBy(entry(injectId), sees);
			expect({ injectId: seen.injectId, author: seen.author }).toEqual(expected);
			expect(seen).toMatchObject({ number: 3, text: 'Rook in flatgebouw', source: 'Burger via 112' });
		});
	}
});

describe('entryAsInject', () => {
	it('gives the oefenleiding back what the players’ view took away: the mark and the oefenleider as author', () => {
		const asPlayer = entryAsSeenBy(entry('i1'), false);
		const marked = entryAsInject(asPlayer, { id: 'i1', createdBy: { id: 'u-oefenleider', name: 'Olga Oefenleider' } });
		expect(marked).toEqual(entry('i1'));
		expect(marked).toEqual(entryAsSeenBy(entry('i1'), true));
	});
});
