// The second factor for Bibob officers: TOTP (RFC 6238, 30 s, 6 digits, SHA-1 as every
// authenticator app expects) with single-use recovery codes. Framework-free.
//
// Who needs it: every user with a bibob grant, municipal or regional. A code is accepted once
// (the last accepted 30-second step is stored), with one step of clock drift either way.
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { logger } from '../log.ts';
import { isRole } from './roles.ts';
import { roleNeedsSecondFactor } from './permissions.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { advanceTotpStep, findTotp, grantedRoles, markRecoveryCodeUsed, replaceRecoveryCodeHashes, totpExists, upsertTotp } from './second-factor-queries.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ISSUER = 'Paraat';
/** Attempts at a code per user per window, counted like login failures (rate-limit.ts). */
export const SECOND_FACTOR_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 };
export const RECOVERY_CODE_COUNT = 10;

/**
 * The demo accounts' TOTP secret (base32). Published on purpose, like the demo password: demo mode
 * only, printed at start so a tester can add it to an authenticator app.
 */
export const DEMO_TOTP_SECRET = 'PARAATBIBOBDEMOTOTPGEHEIM2345672';

export function secretFromBase32(base32: string): Uint8Array {
	return decodeBase32IgnorePadding(base32.replace(/\s+/g, '').toUpperCase());
}

export function secretToBase32(secret: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(secret);
}

export function newTotpSecret(): Uint8Array {
	const secret = new Uint8Array(20);
	crypto.getRandomValues(secret);
	return secret;
}

export function totpUri(email: string, secret: Uint8Array): string {
	return createTOTPKeyURI(TOTP_ISSUER, email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The current 30-second step. */
export function currentStep(now = Date.now()): number {
	return Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
}

/** The step a code belongs to (now, one before, one after), or null when it fits none. */
export function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const step = currentStep(now);
	for (const candidate of [step, step - 1, step + 1]) {
		if (generateHOTP(secret, BigInt(candidate), TOTP_DIGITS) === code) return candidate;
	}
	return null;
}

export async function needsSecondFactor(db: Kysely<DB>, userId: string): Promise<boolean> {
	return (await grantedRoles(db, userId)).some((role) => isRole(role) && roleNeedsSecondFactor(role));
}

export async function hasTotp(db: Kysely<DB>, userId: string): Promise<boolean> {
	return totpExists(db, userId);
}

/**
 * Accepts a TOTP code once: the update only succeeds when the code's step is newer than the last
 * accepted one, so two simultaneous requests with the same code cannot both pass.
 */
export async function acceptTotp(db: Kysely<DB>, userId: string, code: string): Promise<boolean> {
	const row = await findTotp(db, userId);
	if (!row) return false;
	let secret: Uint8Array;
	try {
		secret = openSecret(row.secret);
	} catch (err) {
		// A key that does not fit (another node's, a lost key file): no code can match; say why in the log.
		logger.error({ err: err instanceof Error ? err.message : String(err), userId }, 'TOTP-geheim niet te ontsleutelen');
		return false;
	}
	const step = matchingStep(secret, code.trim());
	if (step === null || step <= row.lastStep) return false;
	return advanceTotpStep(db, userId, step);
}

export function normaliseRecoveryCode(code: string): string {
	return code.replace(/[\s-]+/g, '').toUpperCase();
}

function hashRecoveryCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}

/** Uses up one recovery code; false when it is unknown or used. */
export async function useRecoveryCode(db: Kysely<DB>, userId: string, code: string): Promise<boolean> {
	return markRecoveryCodeUsed(db, userId, hashRecoveryCode(code));
}

/** Ten new codes (16 base32 characters, 80 bits, shown as XXXX-XXXX-XXXX-XXXX); old ones stop working. */
export async function replaceRecoveryCodes(db: Kysely<DB>, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const bytes = new Uint8Array(10);
		crypto.getRandomValues(bytes);
		return encodeBase32UpperCaseNoPadding(bytes).match(/.{4}/g)!.join('-');
	});
	await replaceRecoveryCodeHashes(db, userId, codes.map(hashRecoveryCode));
	return codes;
}

/** Stores the secret of a confirmed enrolment (replacing an earlier one). */
export async function saveTotp(db: Kysely<DB>, userId: string, secret: Uint8Array, acceptedStep: number): Promise<void> {
	await upsertTotp(db, userId, sealSecret(secret), acceptedStep);
}
