// Finds or starts the database, migrates it and seeds it. Shared by `npm start`, `npm run serve`,
// `npm run dev` (through the Vite plugin), `npm run db:migrate` and the end-to-end test servers.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createDb } from '../db/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts, seedReferenceData, type DemoAccount } from './seed.ts';
import { logger } from '../log.ts';
import { DEMO_TOTP_SECRET, secretFromBase32, totpUri } from '../auth/second-factor.ts';
import { config, demoWanted, type Config } from '../config.ts';
import { databaseStartupError } from './database-errors.ts';

export interface Bootstrapped {
	databaseUrl: string;
	demo: boolean;
	/** The embedded PostgreSQL when Paraat runs its own (no DATABASE_URL): its status and state changes, for readiness. */
	embedded?: EmbeddedServer;
	demoAccounts: DemoAccount[];
	stop(): Promise<void>;
}

export async function bootstrap(settings: Config = config()): Promise<Bootstrapped> {
	let embedded: EmbeddedServer | undefined;
	let databaseUrl = settings.DATABASE_URL;
	const demo = demoWanted(settings);

	if (!databaseUrl) {
		const dataDir = path.resolve(settings.PARAAT_DATA_DIR);
		logger.info({ dataDir, port: settings.PARAAT_PG_PORT }, 'ingebouwde PostgreSQL starten');
		embedded = await startEmbeddedPostgres({
			dataDir,
			port: settings.PARAAT_PG_PORT,
			fast: settings.PARAAT_PG_FAST === '1',
			log: (line) => logger.debug({ pg: line }),
			notice: (level, line) => logger[level](line),
			onStateChange: (status) => logger.info({ embedded: status }, 'ingebouwde PostgreSQL')
		});
		try {
			await ensureDatabase(embedded.adminUrl, 'paraat');
		} catch (err) {
			await embedded.stop();
			throw databaseStartupError(err, embedded.adminUrl, true);
		}
		databaseUrl = embedded.urlFor('paraat');
		// getDb() and the SvelteKit bundle read the database from the environment.
		process.env.DATABASE_URL = databaseUrl;
	}

	try {
		const migrationDb = new Kysely<unknown>({
			dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 10_000 }) })
		});
		try {
			const { results } = await migrateToLatest(migrationDb);
			for (const r of results ?? []) logger.info({ migration: r.migrationName, status: r.status }, 'migratie');
		} finally {
			await migrationDb.destroy();
		}

		// Internal hand-over (not configuration): the app's init hook seeds the demo exercise through
		// its services when this is 1. Set here, read in hooks.server.ts.
		process.env.PARAAT_DEMO_ACTIVE = demo ? '1' : '0';
		const db = createDb(databaseUrl, { max: 2 });
		let demoAccounts: DemoAccount[] = [];
		try {
			await seedReferenceData(db);
			if (demo) demoAccounts = await seedDemoAccounts(db);
		} finally {
			await db.destroy();
		}

		return {
			databaseUrl,
			demo,
			embedded,
			demoAccounts,
			async stop() {
				if (embedded) await embedded.stop();
			}
		};
	} catch (err) {
		if (embedded) await embedded.stop();
		throw databaseStartupError(err, databaseUrl, !!embedded);
	}
}

export function demoBanner(address: string, accounts: DemoAccount[]): string {
	const lines = [
		'',
		`Paraat draait op ${address}`,
		'',
		`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}), <rol>.<gemeente>@paraat.test of regionaal <rol>@paraat.test, bijvoorbeeld:`
	];
	const examples = accounts.filter((a) => a.municipality === 'haarlem' || a.municipality === null);
	for (const a of examples) lines.push(`  ${a.email.padEnd(44)} ${a.name}`);
	lines.push(`  … en dezelfde rollen voor de andere acht gemeenten (${accounts.length} accounts in totaal).`, '');
	lines.push(
		'Bibob-accounts (bibob.<gemeente>@paraat.test, bibob@paraat.test) vragen een tweede factor (TOTP, 30 s, 6 cijfers).',
		`  Demo-geheim voor je authenticator-app: ${DEMO_TOTP_SECRET}`,
		`  of als URI: ${totpUri('bibob.haarlem@paraat.test', secretFromBase32(DEMO_TOTP_SECRET))}`,
		''
	);
	return lines.join('\n');
}
