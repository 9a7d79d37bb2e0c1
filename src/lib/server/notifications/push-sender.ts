// Sending web push: the `web-push` library signs (VAPID, RFC 8292) and encrypts (aes128gcm,
// RFC 8291) the message; we post it ourselves with fetch, so one code path serves the browsers'
// push services (https) and a test's local endpoint. Framework-free.
import webpush from 'web-push';
import type { PushPayload } from '../../contracts/notifications.ts';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	subject: string;
}

export interface PushTarget {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** 'sent'; 'gone' (404/410: the browser dropped the subscription); or a failure, temporary or not. */
export type PushOutcome = { kind: 'sent' } | { kind: 'gone' } | { kind: 'failed'; permanent: boolean; error: string };

export interface PushSender {
	readonly publicKey: string;
	send(target: PushTarget, payload: PushPayload): Promise<PushOutcome>;
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
	return webpush.generateVAPIDKeys();
}

const TIMEOUT_MS = 10_000;
/** A push service keeps an undelivered alert this long (a phone that is off for a while). */
const TTL_SECONDS = 12 * 60 * 60;

export function webPushSender(keys: VapidKeys): PushSender {
	return {
		publicKey: keys.publicKey,
		async send(target, payload) {
			const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
				vapidDetails: keys,
				TTL: TTL_SECONDS,
				// An alert wakes the phone; the rest may wait for a better moment.
				urgency: payload.category === 'alert' ? 'high' : 'normal',
				contentEncoding: 'aes128gcm'
			});
			let response: Response;
			try {
				response = await fetch(details.endpoint, {
					method: 'POST',
					headers: Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)])),
					body: new Uint8Array(details.body),
					signal: AbortSignal.timeout(TIMEOUT_MS),
					redirect: 'error'
				});
			} catch (err) {
				return { kind: 'failed', permanent: false, error: `Pushdienst onbereikbaar: ${err instanceof Error ? err.message : String(err)}` };
			}
			await response.body?.cancel();
			if (response.ok) return { kind: 'sent' };
			if (response.status === 404 || response.status === 410) return { kind: 'gone' };
			const permanent = response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408;
			return { kind: 'failed', permanent, error: `Pushdienst antwoordde ${response.status}` };
		}
	};
}
