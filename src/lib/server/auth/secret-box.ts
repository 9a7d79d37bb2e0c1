// Secrets Paraat must read back (TOTP seeds) are sealed at rest with AES-256-GCM, so a database
// dump or backup alone does not give away anyone's second factor. Framework-free.
//
// The key: PARAAT_SECRET_KEY (32 bytes, base64) when set — required when several app nodes share
// one database on different machines —, else a key file made once beside the embedded database
// (`.data/secret.key`, or beside PARAAT_DATA_DIR), readable by its owner only.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
let cachedKey: Buffer | undefined;

function keyFile(): string {
	const dataDir = path.resolve(config().PARAAT_DATA_DIR);
	return path.join(path.dirname(dataDir), 'secret.key');
}

/**
 * The key this machine would use, without making one: undefined when PARAAT_SECRET_KEY is unset and
 * there is no key file yet (a restore checks whether the backup's sealed secrets will open).
 */
export function existingSecretKey(): { key: Buffer; source: string } | undefined {
	const configured = process.env.PARAAT_SECRET_KEY?.trim();
	if (configured) return { key: Buffer.from(configured, 'base64'), source: 'PARAAT_SECRET_KEY' };
	const file = keyFile();
	return existsSync(file) ? { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: file } : undefined;
}

/** Where the key file is (or would be made): beside the embedded database's folder. */
export function secretKeyFile(): string {
	return keyFile();
}

/** Whether `stored` (a sealed secret) opens with `key`. */
export function opensWith(stored: Uint8Array, key: Buffer): boolean {
	const sealed = Buffer.from(stored);
	if (sealed[0] !== VERSION || sealed.length <= 1 + IV_BYTES + TAG_BYTES || key.length !== 32) return false;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
		decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
		decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES));
		decipher.final();
		return true;
	} catch {
		return false;
	}
}

export function secretKey(): Buffer {
	if (cachedKey) return cachedKey;
	// Validated by the configuration schema: 32 bytes, base64.
	const configured = config().PARAAT_SECRET_KEY;
	if (configured) return (cachedKey = Buffer.from(configured, 'base64'));
	const file = keyFile();
	if (!existsSync(file)) {
		mkdirSync(path.dirname(file), { recursive: true });
		// 'wx': when two processes start together, the second one reads the first one's key.
		try {
			writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		}
	}
	const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
	if (key.length !== 32) throw new Error(`Sleutelbestand ${file} bevat geen sleutel van 32 bytes.`);
	return (cachedKey = key);
}

/** version (1 byte) · IV (12) · GCM tag (16) · ciphertext. */
export function sealSecret(plain: Uint8Array): Buffer {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/**
 * The plain secret. A value of exactly the raw TOTP size that does not start with the version byte
 * layout is a secret stored before sealing existed, and is returned as it is.
 * Throws when the key does not fit (another node's key, or a lost key file).
 */
export function openSecret(stored: Uint8Array, plainLength = 20): Uint8Array {
	const sealed = Buffer.from(stored);
	if (sealed.length === plainLength) return new Uint8Array(sealed);
	if (sealed[0] !== VERSION || sealed.length <= 1 + IV_BYTES + TAG_BYTES) throw new Error('Onbekend formaat van een versleuteld geheim.');
	const iv = sealed.subarray(1, 1 + IV_BYTES);
	const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
	const decipher = createDecipheriv('aes-256-gcm', secretKey(), iv);
	decipher.setAuthTag(tag);
	return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]));
}
