// The permission policy is the only place that decides by role name (issue 15): a role compared
// anywhere else is a rule the policy, its documentation and its tests do not know about.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/lib/server/auth/roles.ts';

const ROOT = path.resolve('src');

// The policy itself, the role vocabulary, the demo seed, and the user-admin form (which lists roles to choose from).
const ALLOWED = new Set([
	'lib/server/auth/policy.ts',
	'lib/server/auth/permissions.ts',
	'lib/server/auth/roles.ts',
	'lib/server/runtime/seed.ts',
	'lib/server/demo/demo-events.ts',
	'lib/components/RoleFields.svelte'
]);

const names = ROLES.join('|');
/** A role name compared, listed for comparison, or filtered on in a query. */
const PATTERNS = [
	new RegExp(`\\brole\\s*[!=]==?\\s*['"\`](${names})['"\`]`),
	new RegExp(`['"\`](${names})['"\`]\\s*[!=]==?\\s*[\\w.?]*\\brole\\b`),
	new RegExp(`\\broles\\.includes\\(\\s*['"\`](${names})['"\`]`),
	new RegExp(`['"]role['"]\\s*,\\s*['"](=|in|<>|!=)['"]\\s*,\\s*\\[?\\s*['"](${names})['"]`),
	new RegExp(`['"]roleGrant\\.role['"]\\s*,\\s*['"](=|in|<>|!=)['"]\\s*,\\s*\\[?\\s*['"](${names})['"]`)
];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(entry.name) ? [full] : [];
	});
}

export function roleComparisons(text: string): string[] {
	return text.split('\n').filter((line) => PATTERNS.some((p) => p.test(line)));
}

describe('one permission policy', () => {
	it('recognises a role comparison in the forms it takes', () => {
		expect(roleComparisons(`user.grants.some((g) => g.role === 'crisisteam')`)).toHaveLength(1);
		expect(roleComparisons(`if ('bibob' !== grant.role) return;`)).toHaveLength(1);
		expect(roleComparisons(`roles.includes('brandweer') ? 1 : 2`)).toHaveLength(1);
		expect(roleComparisons(`.where('roleGrant.role', 'in', ['bevolkingszorg', 'crisisteam'])`)).toHaveLength(1);
		expect(roleComparisons(`.where('role', '=', 'bibob')`)).toHaveLength(1);
		expect(roleComparisons(`.where('roleGrant.role', 'in', rolesAllowed('task.receive'))`)).toHaveLength(0);
		expect(roleComparisons(`if (request.discipline === 'joint') return;`)).toHaveLength(0);
	});

	it('compares no role name outside the policy module', () => {
		const offenders = sources(ROOT)
			.filter((file) => !ALLOWED.has(path.relative(ROOT, file).split(path.sep).join('/')))
			.flatMap((file) => roleComparisons(readFileSync(file, 'utf8')).map((line) => `${path.relative(ROOT, file)}: ${line.trim()}`));
		expect(offenders).toEqual([]);
	});
});
