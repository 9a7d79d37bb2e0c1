// `Idempotency-Key` for the API's writes (IETF draft-ietf-httpapi-idempotency-key-header): a
// request with the header is answered once; a retry with the same key gets the stored answer with
// `Idempotent-Replayed: true` instead of a second write. The offline queue in the browser sends
// every queued write with its own key (docs/offline.md). Without the header nothing changes.
import { createHash } from 'node:crypto';
import { apiCall, apiError, MAX_JSON_BYTES } from './api';
import type { IdempotencyClaim } from './idempotency-store.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** The store's functions as the request services bind them (see request-services.ts). */
export interface IdempotencyStore {
	claimIdempotencyKey(userId: string, key: string, fingerprint: string): Promise<IdempotencyClaim>;
	completeIdempotencyKey(userId: string, key: string, answer: { statusCode: number; contentType: string | null; body: string }): Promise<void>;
	releaseIdempotencyKey(userId: string, key: string): Promise<void>;
}

/** Answers with `answer` once per key; the request's body must still be unread. */
export function idempotent(store: IdempotencyStore, userId: string, request: Request, answer: () => Promise<Response>): Promise<Response> {
	const key = request.headers.get(IDEMPOTENCY_HEADER);
	if (key === null) return answer();
	return apiCall(async () => {
		if (!KEY_PATTERN.test(key)) {
			return apiError(400, 'invalid_idempotency_key', 'De Idempotency-Key moet 8 tot 200 tekens lang zijn: letters, cijfers en . _ : -.');
		}
		// An oversized body is refused by the handler's own reader; it is not worth a fingerprint.
		if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BYTES) return answer();
		const body = await request.clone().text();
		const fingerprint = createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${body}`).digest('hex');
		const claim = await store.claimIdempotencyKey(userId, key, fingerprint);
		switch (claim.kind) {
			case 'replay':
				return new Response(claim.body, {
					status: claim.statusCode,
					headers: { ...(claim.contentType ? { 'content-type': claim.contentType } : {}), 'idempotent-replayed': 'true' }
				});
			case 'in_progress': {
				const busy = apiError(409, 'idempotency_in_progress', 'Dit verzoek wordt nog verwerkt. Probeer het over een paar seconden opnieuw.');
				busy.headers.set('retry-after', '2');
				return busy;
			}
			case 'mismatch':
				return apiError(422, 'idempotency_key_reused', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
			case 'claimed':
				break;
		}
		let response: Response;
		try {
			response = await answer();
		} catch (err) {
			await store.releaseIdempotencyKey(userId, key);
			throw err;
		}
		await store.completeIdempotencyKey(userId, key, {
			statusCode: response.status,
			contentType: response.headers.get('content-type'),
			body: await response.clone().text()
		});
		return response;
	});
}
