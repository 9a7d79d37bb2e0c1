// The one-tap link's secret: 32 random bytes, base32 (a link of lowercase letters and digits that
// survives every mail client), stored only as its SHA-256 — like a session token (auth/session.ts).
// Chosen over an HMAC of the recipient's id: single use and expiry must be checked against the
// recipient's row anyway, so a stateless signature would add a key to manage, rotate and share
// between nodes without saving a lookup; and a leaked database or backup holds no usable link.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const TOKEN_SHAPE = /^[a-z2-7]{52}$/;

export function newAlertToken(): string {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored form of a token; null for anything that cannot be one of ours (no lookup needed). */
export function alertTokenHash(token: string): string | null {
	if (!TOKEN_SHAPE.test(token)) return null;
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The one-tap page of a token. The token travels in the query, which the request log never records. */
export function alertLink(baseUrl: string, token: string): string {
	return `${baseUrl.replace(/\/$/, '')}/alarm?code=${token}`;
}
