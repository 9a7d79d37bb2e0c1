// What PostgreSQL and JSON cannot store: a NUL character (PostgreSQL refuses 0x00 in UTF-8 text)
// and a lone UTF-16 surrogate (no UTF-8 encoding exists for it). Checked at the edge, so such
// text is a Dutch 400 naming the field, never a database error.

// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE =
	'Deze tekst bevat een teken dat niet kan worden opgeslagen (een NUL-teken of een losse UTF-16-surrogaat); verwijder het.';

export function isStorableText(value: string): boolean {
	return !UNSTORABLE.test(value);
}

/**
 * The path ('a.b.0') of the first string or key in a parsed JSON value, form or query that
 * cannot be stored; '(body)' for the value itself; null when everything can be stored.
 */
export function unstorablePath(value: unknown, path: string[] = []): string | null {
	if (typeof value === 'string') return isStorableText(value) ? null : path.join('.') || '(body)';
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const found = unstorablePath(value[i], [...path, String(i)]);
			if (found) return found;
		}
		return null;
	}
	if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			if (!isStorableText(key)) return [...path, '(veldnaam)'].join('.');
			const found = unstorablePath(inner, [...path, key]);
			if (found) return found;
		}
	}
	return null;
}
