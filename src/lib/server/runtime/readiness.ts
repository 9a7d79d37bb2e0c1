// Readiness (/readyz): may this node take traffic? The database answers within a short time, its
// migrations are exactly the ones this code knows, the realtime listener is connected, and the
// node is not stopping. Every failed check says why, in Dutch.
import { readdir } from 'node:fs/promises';
import type { QueryExecutorProvider } from 'kysely';
import { migrationFolder, recordedMigrationNames } from '../db/migrator.ts';
import { pingDatabase } from '../db/ping.ts';

export interface CheckResult {
	ok: boolean;
	reason?: string;
	[detail: string]: unknown;
}

export interface Readiness {
	ready: boolean;
	/** The first failed check's reason (Dutch), when not ready. */
	reason?: string;
	checks: Record<string, CheckResult>;
}

export interface ReadinessSources {
	db: QueryExecutorProvider;
	/** Whether the realtime LISTEN connection is up. */
	listening: () => boolean;
	/** True once a graceful shutdown began: the proxy should stop sending new requests. */
	stopping?: () => boolean;
	timeoutMs?: number;
}

let known: Promise<string[]> | undefined;

/** Migration names as Kysely's FileMigrationProvider derives them from the files in migrations/. */
export function knownMigrations(folder = migrationFolder): Promise<string[]> {
	known ??= readdir(folder).then((files) =>
		files
			.filter((f) => /\.(ts|js|mjs|mts)$/.test(f) && !f.endsWith('.d.ts'))
			.map((f) => f.replace(/\.[^.]+$/, ''))
			.sort()
	);
	return known;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`geen antwoord binnen ${ms} ms`)), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function checkDatabase(db: QueryExecutorProvider, ms: number): Promise<CheckResult> {
	const started = performance.now();
	try {
		await withTimeout(pingDatabase(db), ms);
		return { ok: true, ms: Math.round(performance.now() - started) };
	} catch (err) {
		const why = err instanceof Error && err.message.startsWith('geen antwoord') ? err.message : 'geen verbinding';
		return { ok: false, reason: `De database is niet bereikbaar (${why}).` };
	}
}

/** Compares applied migrations with the files; pure, so the rule is tested without a server. */
export function compareMigrations(expected: string[], applied: string[]): CheckResult {
	const pending = expected.filter((name) => !applied.includes(name));
	const unknown = applied.filter((name) => !expected.includes(name));
	if (unknown.length > 0) {
		return { ok: false, applied: applied.length, expected: expected.length, reason: `De database heeft migraties die deze versie van Paraat niet kent (${unknown.join(', ')}): draai de nieuwere versie of zet de database terug.` };
	}
	if (pending.length > 0) {
		return { ok: false, applied: applied.length, expected: expected.length, reason: `Nog niet uitgevoerde migraties (${pending.join(', ')}): voer npm run db:migrate uit.` };
	}
	return { ok: true, applied: applied.length, expected: expected.length };
}

async function checkMigrations(db: QueryExecutorProvider, ms: number): Promise<CheckResult> {
	try {
		const names = await withTimeout(recordedMigrationNames(db), ms);
		return compareMigrations(await knownMigrations(), names);
	} catch (err) {
		if ((err as { code?: unknown }).code === '42P01') return { ok: false, reason: 'De database is nog niet gemigreerd: voer npm run db:migrate uit.' };
		return { ok: false, reason: 'De migraties konden niet worden gelezen.' };
	}
}

export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
	const ms = sources.timeoutMs ?? 2_000;
	const checks: Record<string, CheckResult> = {};
	if (sources.stopping?.()) checks.shutdown = { ok: false, reason: 'Dit knooppunt stopt; nieuwe verzoeken horen naar een ander knooppunt.' };
	checks.database = await checkDatabase(sources.db, ms);
	checks.migrations = checks.database.ok ? await checkMigrations(sources.db, ms) : { ok: false, reason: 'Niet gecontroleerd: de database is niet bereikbaar.' };
	checks.realtime = sources.listening() ? { ok: true } : { ok: false, reason: 'De realtime-verbinding met de database (LISTEN) is verbroken; Paraat probeert het opnieuw.' };
	const failed = Object.values(checks).find((c) => !c.ok);
	return { ready: !failed, ...(failed ? { reason: failed.reason } : {}), checks };
}
