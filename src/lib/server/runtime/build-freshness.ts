// `npm start` on a fresh clone has no build yet; after `git pull` the build may be stale.
// Rather than rebuilding at every start, rebuild only when a source is newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(target: string): number {
	if (!existsSync(target)) return 0;
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
	return newest;
}

export function buildIsCurrent(root: string): boolean {
	const handler = path.join(root, 'build', 'handler.js');
	if (!existsSync(handler)) return false;
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const newestInput = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
	return statSync(handler).mtimeMs >= newestInput;
}
