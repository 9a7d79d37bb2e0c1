// The field types every input schema is built from: text that PostgreSQL can store and
// integers that fit their column. One place, so a new form or route cannot forget either.
import { z } from './zod-dutch.ts';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable.ts';

/** PostgreSQL `integer` bounds. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

type StringParams = Parameters<typeof z.string>[0];

/** `z.string()` that refuses NUL characters and lone surrogates with a Dutch message. */
export function safeText(params?: StringParams) {
	return z.string(params).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });
}

/**
 * The bounds of PostgreSQL `integer`, as checks to add to an integer schema:
 * `z.number().int().check(...fitsInteger())`. Without them 2147483648 passes zod and fails
 * in the database.
 */
export function fitsInteger(message = `Dit getal is te groot of te klein (hoogstens ${INT4_MAX}).`) {
	return [z.gte(INT4_MIN, { error: message }), z.lte(INT4_MAX, { error: message })] as const;
}
