// docs/permissions.md is generated from the policy; this fails when someone changes the policy
// without regenerating it (or edits the document by hand).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionsMarkdown, policyOverview } from '../../src/lib/server/auth/policy-overview.ts';
import { POLICY } from '../../src/lib/server/auth/policy.ts';

describe('docs/permissions.md', () => {
	it('is what the policy generates (regenerate: node src/lib/server/auth/policy-doc-cli.ts --write)', () => {
		expect(readFileSync('docs/permissions.md', 'utf8')).toBe(permissionsMarkdown());
	});

	it('has one row per action, with the conditions in words', () => {
		const rows = policyOverview();
		expect(rows.map((r) => r.action)).toEqual(Object.keys(POLICY));
		const byAction = new Map(rows.map((r) => [r.action, r.cells]));
		expect(byAction.get('picture.write.ghor')).toMatchObject({ ghor: 'ja', crisisteam: 'ja', oefenleider: 'alleen in oefeningen', politie: '' });
		expect(byAction.get('fleet.edit')?.beheerder).toBe('alleen met een regionale rol');
		expect(byAction.get('bibob.read')?.bibob).toBe('alleen dossiers van de eigen gemeente');
		expect(byAction.get('advice.read')?.adviseur).toBe('alleen voor de eigen discipline');
	});
});
