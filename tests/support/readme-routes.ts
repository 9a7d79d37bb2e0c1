// Reads the addresses a README names and matches them against SvelteKit's route folders.
// README placeholders (`<id>`, `:id`, OpenAPI's `{id}`) stand for a route parameter (`[id=uuid]`); a trailing `…`
// or `/` means "something under here". The API's catch-all (`[...path]`, the 404 in problem+json)
// is no route of its own, so nothing matches it. A SvelteKit route id (`/api/v1/incidents/[id]/tasks`,
// as the metrics label it) is read up to its first bracket: the folder above it must exist.

const FIRST_SEGMENTS = ['api', 'advies', 'beheer', 'berichten', 'bibob', 'bluswater', 'crisis', 'evenementen', 'inloggen', 'kalender', 'mijn-account', 'mijn-taken', 'uitloggen', 'veiligheidsplan', 'healthz', 'readyz', 'metrics', 'socket.io'];

const ADDRESS = new RegExp(`(?<![\\w./-])/(?:${FIRST_SEGMENTS.map((s) => s.replace('.', '\\.')).join('|')})(?![\\w-])[^\\s\`'")[\\],;*]*`, 'g');

/** The distinct addresses in a text, without query strings or sentence punctuation. */
export function readmeAddresses(text: string): string[] {
	const found = new Set<string>();
	for (const match of text.matchAll(ADDRESS)) {
		let address = match[0].split('?')[0]!.replace(/[.:]+$/, '');
		// Deliberately malformed addresses (the bad-input examples) are not routes.
		if (address.includes('%')) continue;
		if (address.length > 1 && address.endsWith('/')) address = address.slice(0, -1) + '/…';
		found.add(address);
	}
	return [...found].sort();
}

/** Folders under src/routes that hold a page or an endpoint, as `/a/[id=uuid]/b` (groups removed). */
export function routeFolders(files: string[]): string[] {
	const folders = new Set<string>();
	for (const file of files) {
		const parts = file.split(/[\\/]/);
		const name = parts.pop()!;
		if (!/^\+(page\.svelte|page\.server\.ts|page\.ts|server\.ts)$/.test(name)) continue;
		folders.add('/' + parts.filter((p) => !/^\(.*\)$/.test(p)).join('/'));
	}
	return [...folders];
}

const isParam = (segment: string) => /^\[[^.[\]][^\]]*\]$/.test(segment);
const isRest = (segment: string) => segment.startsWith('[...') || segment.startsWith('[[');
const isPlaceholder = (segment: string) => /^(<[^>]+>|:[\w-]+|\{[\w-]+\})$/.test(segment);

function segmentMatches(readme: string, route: string): boolean {
	if (isRest(route)) return false;
	if (isPlaceholder(readme)) return isParam(route);
	// A literal fits a parameter without a matcher (`[step]` takes `export.pdf`), never `[id=uuid]`.
	return readme === route || (isParam(route) && !route.includes('='));
}

/** Whether a README address names an existing route (or, ending in `…`, something under one). */
export function routeExists(routes: string[], address: string): boolean {
	const prefix = address.endsWith('…');
	const wanted = address.replace(/\/?…$/, '').split('/').filter(Boolean);
	return routes.some((route) => {
		const segments = route.split('/').filter(Boolean);
		if (prefix ? segments.length <= wanted.length : segments.length !== wanted.length) return false;
		if (prefix && segments.slice(wanted.length).some(isRest)) return false;
		return wanted.every((s, i) => segmentMatches(s, segments[i]!));
	});
}
