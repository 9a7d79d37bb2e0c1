// Small builders every part of the OpenAPI document uses, so the parts read alike.
import { z } from 'zod';
import { problemResponse } from './openapi-problem.ts';

/** A request schema from the zod schema that validates it. */
export const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const jsonBody = (name: string) => ({ required: true, content: { 'application/json': { schema: schemaRef(name) } } });

export const okResponse = (name: string, description = 'OK') => ({ description, content: { 'application/json': { schema: schemaRef(name) } } });

/** `{ <key>: [<name>] }`, the shape of every list answer. */
export const listResponse = (key: string, name: string) => ({
	description: 'OK',
	content: { 'application/json': { schema: { type: 'object', properties: { [key]: { type: 'array', items: schemaRef(name) } } } } }
});

export const errorResponse = (description: string) => problemResponse(description);

export const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

/** For writes the offline queue retries (docs/offline.md): the same key is answered once. */
export const idempotencyKeyParam = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	description:
		'Optioneel, 8–200 tekens (letters, cijfers, . _ : -). Een herhaling met dezelfde sleutel krijgt het eerste antwoord (met `Idempotent-Replayed: true`) en schrijft niets opnieuw; 24 uur bewaard, per gebruiker.',
	schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' }
};
