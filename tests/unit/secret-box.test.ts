// Sealed secrets: a round trip gives the secret back; the stored form does not contain it; a
// changed byte or another key is refused; a secret stored before sealing still reads.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from '../../src/lib/server/auth/secret-box.ts';

describe('secret box', () => {
	const plain = new Uint8Array(randomBytes(20));

	it('seals and opens a TOTP secret', () => {
		const sealed = sealSecret(plain);
		expect(sealed.length).toBe(1 + 12 + 16 + 20);
		expect(sealed.includes(Buffer.from(plain))).toBe(false);
		expect(openSecret(sealed)).toEqual(plain);
		// A fresh IV each time: the same secret never looks the same twice.
		expect(sealSecret(plain).equals(sealed)).toBe(false);
	});

	it('refuses a changed byte (GCM authentication)', () => {
		const sealed = sealSecret(plain);
		sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 0xff, sealed.length - 1);
		expect(() => openSecret(sealed)).toThrow();
	});

	it('reads a secret stored before sealing existed, and refuses an unknown format', () => {
		expect(openSecret(plain)).toEqual(plain);
		expect(() => openSecret(new Uint8Array(30))).toThrow('Onbekend formaat');
	});
});
