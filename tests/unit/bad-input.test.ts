// Bad input at the edge: text PostgreSQL cannot store, integers beyond `integer`, malformed
// addresses, and the one error format (problem details with the compat member), all in Dutch.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isStorableText, unstorablePath } from '../../src/lib/validation/storable.ts';
import { fitsInteger, INT4_MAX, safeText } from '../../src/lib/validation/fields.ts';
import { problemBody, problemHeaders } from '../../src/lib/server/http/problem.ts';
import { malformedReason } from '../../src/lib/server/http/malformed-request.ts';
import { apiError, readJson } from '../../src/lib/server/http/api.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { noticeInput } from '../../src/lib/server/notices/notice-input.ts';
import { newIncidentInput } from '../../src/lib/server/incidents/incident-input.ts';
import { refuseCrossSiteForm, refuseFormBody, refuseQuery } from '../../src/lib/server/http/request-guard.ts';
import { finishApiAnswer } from '../../src/lib/server/http/api-answer.ts';
import { englishIn } from '../support/english.ts';

describe('storable text', () => {
	it('refuses NUL and lone surrogates but keeps emoji and accents', () => {
		expect(isStorableText('a\u0000b')).toBe(false);
		expect(isStorableText('\ud800')).toBe(false);
		expect(isStorableText('x\udc00')).toBe(false);
		expect(isStorableText('\ud83d\ude92 brandweer é')).toBe(true);
	});

	it('names the first unstorable field, nested or as a key', () => {
		expect(unstorablePath({ a: 'ok', b: [{ c: 'x\u0000' }] })).toBe('b.0.c');
		expect(unstorablePath({ ['k\u0000']: 1 })).toBe('(veldnaam)');
		expect(unstorablePath('\ud800')).toBe('(body)');
		expect(unstorablePath({ a: 1, b: null, c: ['ok'] })).toBeNull();
	});

	it('safeText refuses in Dutch, and integers stop at PostgreSQL integer', () => {
		const schema = z.object({ t: safeText().max(10), n: z.number().int().check(...fitsInteger()) });
		const result = schema.safeParse({ t: '\u0000', n: INT4_MAX + 1 });
		expect(result.success).toBe(false);
		const messages = result.error!.issues.map((i) => i.message);
		expect(messages).toHaveLength(2);
		for (const m of messages) expect(englishIn(m)).toBeNull();
		expect(schema.safeParse({ t: 'ok', n: INT4_MAX }).success).toBe(true);
	});
});

describe('zod speaks Dutch', () => {
	const garbage: unknown[] = [null, [], 'x', 1, true, {}, { text: 1, title: [], severity: 'x', exercise: 'ja' }, { affectedPeople: 2147483648, kind: 'x', municipalities: 'a' }];
	it.each(garbage.map((g) => [JSON.stringify(g), g]))('notice and incident refusals of %s are Dutch', (_, value) => {
		for (const schema of [noticeInput, newIncidentInput]) {
			const result = schema.safeParse(value);
			if (result.success) continue;
			for (const issue of result.error.issues) expect(englishIn(issue.message), issue.message).toBeNull();
		}
	});

	it('says a non-object body must be a JSON object', () => {
		expect(newIncidentInput.safeParse(null).error!.issues[0]!.message).toBe('De invoer moet een JSON-object zijn.');
	});
});

describe('the problem format', () => {
	it('has the RFC 9457 members, invalidParams and the compat error member', () => {
		const body = problemBody({ status: 400, code: 'validation_failed', detail: 'De invoer is niet geldig: text: te lang', invalidParams: [{ name: 'text', reason: 'te lang', code: 'too_big' }] });
		expect(body).toMatchObject({
			type: 'urn:paraat:probleem:validation_failed',
			title: 'Ongeldig verzoek',
			status: 400,
			detail: 'De invoer is niet geldig: text: te lang',
			code: 'validation_failed',
			invalidParams: [{ name: 'text', reason: 'te lang', code: 'too_big' }],
			error: { code: 'validation_failed', message: 'De invoer is niet geldig: text: te lang', fields: [{ field: 'text', message: 'te lang' }] }
		});
	});

	it('keeps current beside a 409 and retryAfter with its header on a 429', async () => {
		const conflict = await apiError(409, 'version_conflict', 'Iemand was eerst.', { current: { id: 1 } }).json();
		expect(conflict).toMatchObject({ status: 409, code: 'version_conflict', current: { id: 1 }, error: { code: 'version_conflict' } });
		const limited = apiError(429, 'rate_limited', 'Te veel pogingen.', { retryAfter: 60 });
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.headers.get('content-type')).toBe('application/problem+json');
		expect(await limited.json()).toMatchObject({ retryAfter: 60, error: { retryAfter: 60 } });
		expect(problemHeaders({ status: 400, code: 'x', detail: 'y' })['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('readJson names the field holding a NUL, whatever the schema', async () => {
		const request = new Request('http://x/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extra: { deep: 'a\u0000' } }) });
		const err = await readJson(request, z.object({})).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ServiceError);
		expect((err as ServiceError).fields).toEqual([expect.objectContaining({ field: 'extra.deep', code: 'unstorable_text' })]);
	});
});

describe('malformed request lines', () => {
	it.each([['/api/v1/incidents/%C0%AE'], ['/api/v1/advice/settings/%00'], ['/crisis/%E0%A4%A'], ['/%ZZ']])('%s is malformed', (url) => {
		expect(malformedReason(url, 'localhost')).not.toBeNull();
	});
	it.each([['/api/v1/incidents'], ['/kalender?van=2027-01-01&q=%C0'], ['/crisis/%25'], ['/evenementen/caf%C3%A9']])('%s is fine', (url) => {
		expect(malformedReason(url, 'localhost')).toBeNull();
	});
	it('refuses an unusable Host header', () => {
		expect(malformedReason('/', 'a b')).not.toBeNull();
	});
});

describe('refusals in the request hook', () => {
	const form = (body: string, type: string, headers: Record<string, string> = {}) =>
		new Request('http://localhost/crisis?/aanmaken', { method: 'POST', headers: { 'content-type': type, origin: 'http://localhost', ...headers }, body });

	it('refuses a broken multipart body with a Dutch 400, and leaves the body for the action', async () => {
		expect(await refuseFormBody(form('--X\r\nbroken', 'multipart/form-data; boundary=X'))).toMatchObject({ status: 400, code: 'invalid_body' });
		const fine = form('title=Brand&kind=crisis', 'application/x-www-form-urlencoded');
		expect(await refuseFormBody(fine)).toBeNull();
		expect((await fine.formData()).get('title')).toBe('Brand');
	});

	it('names a form field holding a NUL', async () => {
		const refusal = await refuseFormBody(form('email=%00&password=x', 'application/x-www-form-urlencoded'));
		expect(refusal).toMatchObject({ status: 400, field: 'email' });
		expect(englishIn(refusal!.message)).toBeNull();
	});

	it('refuses a query parameter holding a NUL, not an ordinary one', () => {
		expect(refuseQuery(new URL('http://localhost/api/v1/calendar?from=%00'))).toMatchObject({ status: 400, field: 'from' });
		expect(refuseQuery(new URL('http://localhost/api/v1/calendar?from=2027-01-01&q=caf%C3%A9'))).toBeNull();
	});

	it('applies the CSRF rule for forms: another or no Origin is refused, JSON is not a form', () => {
		const url = new URL('http://localhost/crisis?/aanmaken');
		expect(refuseCrossSiteForm(form('a=1', 'application/x-www-form-urlencoded', { origin: 'http://evil.example' }), url)).toMatchObject({ status: 403, code: 'foreign_origin' });
		const noOrigin = new Request(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
		expect(refuseCrossSiteForm(noOrigin, url)).not.toBeNull();
		expect(refuseCrossSiteForm(form('a=1', 'multipart/form-data; boundary=X'), url)).toBeNull();
		const json = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(refuseCrossSiteForm(json, url)).toBeNull();
	});

	it('turns a framework answer under /api/ into a Dutch problem with API-Version', async () => {
		const answer = finishApiAnswer(new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET' } }));
		expect(answer.headers.get('content-type')).toBe('application/problem+json');
		expect(answer.headers.get('allow')).toBe('GET');
		expect(answer.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
		const body = (await answer.json()) as { status: number; code: string; detail: string };
		expect(body).toMatchObject({ status: 405, code: 'method_not_allowed' });
		expect(englishIn(body.detail)).toBeNull();
		expect(finishApiAnswer(new Response('{}', { status: 200 })).headers.get('api-version')).not.toBeNull();
	});
});
