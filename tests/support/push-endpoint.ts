// A push service on localhost for tests: a browser's subscription (its own P-256 key pair and
// auth secret, made here as a browser would) and an HTTP endpoint that receives what Paraat
// posts and DECRYPTS it (aes128gcm, RFC 8291) with Node's crypto, independently of the web-push
// library that encrypted it. It can answer with another status (410: the subscription is gone).
import http from 'node:http';
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { testPort } from './test-ports.ts';

export interface ReceivedPush {
	path: string;
	headers: http.IncomingHttpHeaders;
	payload: unknown;
}

export interface TestSubscription {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

export interface TestPushEndpoint {
	port: number;
	received: ReceivedPush[];
	/** How many messages arrived (also in `countOnly` mode, where nothing is decrypted). */
	count: number;
	/** A subscription of a new "browser" at path /push/<name>. */
	subscription(name: string): TestSubscription;
	/** Answers requests to this subscription with `status` (e.g. 410, 500) from now on. */
	answer(name: string, status: number): void;
	close(): Promise<void>;
}

/** RFC 8291 / RFC 8188: one record, receiver side. */
export function decryptAes128gcm(body: Buffer, receiver: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): Buffer {
	const salt = body.subarray(0, 16);
	const idlen = body[20]!;
	const senderPublic = body.subarray(21, 21 + idlen);
	const ciphertext = body.subarray(21 + idlen);
	const shared = receiver.ecdh.computeSecret(senderPublic);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiver.ecdh.getPublicKey(), senderPublic]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, receiver.auth, keyInfo, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	// The last record ends with the delimiter 0x02 followed by zero padding.
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	if (padded[end] !== 2) throw new Error('Geen geldige afsluiting van het laatste record');
	return padded.subarray(0, end);
}

/** `countOnly`: a benchmark's push service that accepts each message without decrypting it. */
export async function startPushEndpoint(options: { countOnly?: boolean } = {}): Promise<TestPushEndpoint> {
	let count = 0;
	const receivers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; status: number }>();
	const received: ReceivedPush[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const name = decodeURIComponent(req.url!.replace(/^\/push\//, ''));
			const receiver = receivers.get(name);
			if (!receiver) {
				res.writeHead(404).end();
				return;
			}
			if (receiver.status !== 201) {
				res.writeHead(receiver.status).end();
				return;
			}
			if (options.countOnly) {
				count++;
				res.writeHead(201).end();
				return;
			}
			try {
				const payload = JSON.parse(decryptAes128gcm(Buffer.concat(chunks), receiver).toString('utf8')) as unknown;
				received.push({ path: req.url!, headers: req.headers, payload });
				count++;
				res.writeHead(201).end();
			} catch (err) {
				res.writeHead(400).end(String(err));
			}
		});
	});
	const port = await testPort();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		port,
		received,
		get count() {
			return count;
		},
		subscription(name) {
			const ecdh = createECDH('prime256v1');
			ecdh.generateKeys();
			const auth = randomBytes(16);
			receivers.set(name, { ecdh, auth, status: 201 });
			return { endpoint: `http://localhost:${port}/push/${encodeURIComponent(name)}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
		},
		answer(name, status) {
			receivers.get(name)!.status = status;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
