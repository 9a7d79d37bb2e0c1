// The fuzz test's generators and its one judgement of an answer. Cases come from fast-check
// with a fixed seed, so every run sends the same requests and a failure can be replayed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { APIResponse } from '@playwright/test';
import { englishIn } from '../../support/english';

export const SEED = 20_261_207;

/** `count` deterministic samples of `arb`; `salt` keeps the streams of different uses apart. */
export function sample<T>(arb: fc.Arbitrary<T>, count: number, salt: number): T[] {
	return fc.sample(arb, { seed: SEED + salt, numRuns: count });
}

/** Text PostgreSQL cannot store: every body carrying one must be refused, whatever its schema. */
export const unstorableText = fc.constantFrom('\u0000', 'tekst\u0000', '\ud800', 'a\udc00b', '\u0000\ud800', 'é\u0000é');

const oddNumber = fc.constantFrom(2_147_483_648, -2_147_483_649, 1e308, -1, 0.5, 9_007_199_254_740_992, 1e21);
const oddValue = fc.oneof(
	oddNumber,
	fc.constantFrom<unknown>(null, true, false, '', ' ', '9999-99-99T99:99:99Z', 'x'.repeat(5000), [], {}, [null], { a: { b: [1] } }),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.array(fc.integer(), { maxLength: 3 })
);

const rawText = fc.oneof(
	fc.constantFrom('{', '{"a":', 'nul', '[1,,2]', '{"a":1}x', '\u0000', '"\\u0000"', '{"text":"\\ud800"}', '', '{"__proto__":{"x":1}}', '1e400'),
	fc.string({ unit: 'binary', maxLength: 30 })
);
const notAnObject = fc.constantFrom('null', '[]', '"x"', '42', 'true', '[{}]', '-0');

/** Bodies for an operation with these body properties; `alwaysRefused`: each carries unstorable text. */
export function jsonBodies(props: string[], count: number, salt: number, alwaysRefused: boolean): string[] {
	const keys = fc.constantFrom(...props, 'onbekendVeld');
	const withUnstorable = fc
		.tuple(fc.dictionary(keys, oddValue, { maxKeys: 5 }), keys, unstorableText)
		.map(([body, key, text]) => JSON.stringify({ ...body, [key]: text }));
	const typeConfused = fc.dictionary(keys, oddValue, { minKeys: 1, maxKeys: 6 }).map((body) => JSON.stringify(body));
	const arb = alwaysRefused ? fc.oneof(withUnstorable, notAnObject) : fc.oneof(rawText, notAnObject, withUnstorable, typeConfused);
	return sample(arb, count, salt);
}

/** Path segments no route accepts as an id or name. */
export const badSegment = fc.constantFrom('%00', '%C0%AE', '%E0%A4%A', 'x%00y', '..%2F..%2Fetc', '-1', '2147483648', 'a'.repeat(2000), '%F0%9F%98%80', "1'or'1'='1", '%ZZ', '%ED%A0%80');

/** Query values that are malformed, overflow or cannot be stored. */
export const badQueryValue = fc.constantFrom('%00', '%C0%AE', '1e400', '-1', '2147483648', 'NaN', '9999-99-99', '%ED%A0%80', '', '%FF', 'a'.repeat(3000), '%u0000', '1,2,%00');

// ---------- the OpenAPI document ----------

export interface Operation {
	method: string;
	path: string; // with {params}
	bodyProps: string[];
	/** A plausible body from the schema (first enum value, 1, 'Fuzz tekst'…), to vary one field at a time. */
	example: Record<string, unknown>;
	/** The properties the schema types as integers. */
	integerProps: string[];
	queryNames: string[];
}

type PropertySchema = { type?: string | string[]; enum?: unknown[]; format?: string; anyOf?: PropertySchema[]; minimum?: number };

function exampleOf(schema: PropertySchema | undefined): unknown {
	if (!schema) return undefined;
	if (schema.enum?.length) return schema.enum[0];
	if (schema.anyOf?.length) return exampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
	const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
	if (type === 'string') return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : schema.format === 'date-time' ? new Date().toISOString() : schema.format === 'date' ? '2027-06-01' : 'Fuzz tekst';
	if (type === 'integer' || type === 'number') return Math.max(1, schema.minimum ?? 1);
	if (type === 'boolean') return false;
	if (type === 'array') return [];
	return undefined;
}

interface OpenApiDoc {
	paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }; parameters?: { name: string; in: string }[] }>>;
	components: { schemas: Record<string, { properties?: Record<string, PropertySchema>; allOf?: { properties?: Record<string, PropertySchema> }[] }> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
	const ops: Operation[] = [];
	for (const [route, methods] of Object.entries(doc.paths)) {
		if (!route.startsWith('/api/v1/')) continue;
		for (const [method, op] of Object.entries(methods)) {
			const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
			const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
			const properties: Record<string, PropertySchema> = schema?.properties ?? Object.assign({}, ...(schema?.allOf ?? []).map((s) => s.properties ?? {}));
			const props = Object.keys(properties);
			const example = Object.fromEntries(props.map((p) => [p, exampleOf(properties[p])]).filter(([, v]) => v !== undefined));
			const integerProps = props.filter((p) => [properties[p]?.type].flat().includes('integer'));
			const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
			ops.push({ method: method.toUpperCase(), path: route, bodyProps: props.length ? props : ['text', 'version', 'title'], example, integerProps, queryNames });
		}
	}
	return ops;
}

// ---------- page form actions, found in src/routes/**/+page.server.ts ----------

export interface FormAction {
	file: string;
	route: string; // e.g. /crisis/[id=uuid]
	name: string; // 'default' or the named action
	fields: string[];
}

function walk(dir: string, name: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : []));
}

/** Keys at the first level of `export const NAME … = {` … `}` (the project's formatting: tabs). */
function objectKeys(source: string, declaration: RegExp): string[] {
	const start = source.search(declaration);
	if (start < 0) return [];
	const body = source.slice(start).split('\n');
	const keys: string[] = [];
	for (const line of body.slice(1)) {
		if (/^\}/.test(line)) break;
		const key = /^\t(?:'([\w-]+)'|([A-Za-z_]\w*))\s*[:(]/.exec(line);
		if (key) keys.push(key[1] ?? key[2]!);
		const spread = /^\t\.\.\.\(?(?:Object\.fromEntries\(\(Object\.keys\()?(\w+)/.exec(line);
		if (spread) keys.push(...keysOfExport(spread[1]!));
	}
	return keys;
}

let sources: { file: string; text: string }[] | undefined;
function keysOfExport(name: string): string[] {
	sources ??= listTs('src/lib');
	for (const { text } of sources) {
		if (new RegExp(`export const ${name}\\b`).test(text)) return objectKeys(text, new RegExp(`export const ${name}\\b`));
	}
	return [];
}

function listTs(dir: string): { file: string; text: string }[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts'))
		.map((e) => {
			const file = path.join(e.parentPath, e.name);
			return { file, text: readFileSync(file, 'utf8') };
		});
}

export function formActions(): FormAction[] {
	return walk('src/routes', '+page.server.ts').flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		const names = objectKeys(text, /export const actions\b/);
		const fields = new Set<string>();
		for (const m of text.matchAll(/formValues\([^,]+,\s*\[([^\]]*)\]/g)) for (const f of m[1]!.matchAll(/'(\w+)'/g)) fields.add(f[1]!);
		for (const m of text.matchAll(/\.get(?:All)?\('(\w+)'\)/g)) fields.add(m[1]!);
		const route = '/' + path.relative('src/routes', path.dirname(file)).split(path.sep).filter(Boolean).join('/');
		return names.map((name) => ({ file, route: route === '/.' ? '/' : route, name, fields: [...fields, 'version', 'text', 'id'] }));
	});
}

// ---------- judging an answer ----------

/** Strings in a devalue-encoded action result that read as sentences (messages, not values). */
function sentences(devalued: string): string[] {
	try {
		const parsed = JSON.parse(devalued) as unknown[];
		return parsed.filter((v): v is string => typeof v === 'string' && / /.test(v) && /[.:]$|[a-z]{3,} [a-z]{3,}/i.test(v));
	} catch {
		return [];
	}
}

/** What is wrong with an answer (null: nothing). `api`: the path is under /api/. */
export async function judge(response: APIResponse, api: boolean): Promise<string | null> {
	const status = response.status();
	if (status >= 500) return `status ${status}: ${(await response.text()).slice(0, 200)}`;
	const headers = response.headers();
	if (api) {
		if (!headers['api-version']) return 'API-Version ontbreekt';
		if (status < 400) return null;
		if (headers['content-type'] !== 'application/problem+json') return `geen problem+json maar ${headers['content-type']}: ${(await response.text()).slice(0, 120)}`;
		const body = (await response.json()) as Record<string, unknown> & { error?: { code?: string; message?: string }; invalidParams?: { reason: string }[] };
		for (const member of ['type', 'title', 'status', 'detail', 'code']) if (!(member in body)) return `lid ${member} ontbreekt`;
		if (body.status !== status) return `status ${String(body.status)} in de body bij ${status}`;
		if (body.error?.code !== body.code || body.error?.message !== body.detail) return 'het lid error wijkt af';
		for (const text of [body.title, body.detail, ...(body.invalidParams ?? []).map((p) => p.reason)]) {
			const word = englishIn(String(text));
			if (word) return `Engels (${word}): ${String(text).slice(0, 160)}`;
		}
		return null;
	}
	// A page form action asked for as an enhanced form: an action result in JSON.
	if (!(headers['content-type'] ?? '').includes('application/json')) return null;
	const result = (await response.json()) as { type: string; error?: { message?: string }; data?: string };
	const texts = result.type === 'error' ? [result.error?.message ?? ''] : result.type === 'failure' && result.data ? sentences(result.data) : [];
	for (const text of texts) {
		const word = englishIn(text);
		if (word) return `Engels (${word}): ${text.slice(0, 160)}`;
	}
	return null;
}
