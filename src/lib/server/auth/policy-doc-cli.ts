// Checks (or, with --write, writes) docs/permissions.md from the policy.
import { readFileSync, writeFileSync } from 'node:fs';
import { permissionsMarkdown } from './policy-overview.ts';

const file = new URL('../../../../docs/permissions.md', import.meta.url);
const wanted = permissionsMarkdown();
if (process.argv.includes('--write')) {
	writeFileSync(file, wanted);
} else {
	let current = '';
	try {
		current = readFileSync(file, 'utf8');
	} catch {
		// missing counts as stale
	}
	if (current !== wanted) {
		console.error('docs/permissions.md loopt achter op het beleid: draai `node src/lib/server/auth/policy-doc-cli.ts --write`.');
		process.exit(1);
	}
}
