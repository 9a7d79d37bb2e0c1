// Finds or starts the database, migrates it and seeds it. Shared by `npm start`,
// `npm run dev` (through the Vite plugin) and the end-to-end test servers.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createDb } from '../db/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts, seedReferenceData, type DemoAccount } from './seed.ts';
import { logger } from '../log.ts';
import { DEMO_TOTP_SECRET, secretFromBase32, totpUri } from '../auth/second-factor.ts';

export interface Bootstrapped {
	databaseUrl: string;
	demo: boolean;
	embedded: boolean;
	demoAccounts: DemoAccount[];
	stop(): Promise<void>;
}

export async function bootstrap(): Promise<Bootstrapped> {
	let embedded: EmbeddedServer | undefined;
	let databaseUrl = process.env.DATABASE_URL;
	// Demo accounts only when the database is our own embedded one, or when asked for explicitly.
	const demo = databaseUrl ? process.env.PARAAT_DEMO === '1' : process.env.PARAAT_DEMO !== '0';

	if (!databaseUrl) {
		const dataDir = path.resolve(process.env.PARAAT_DATA_DIR ?? '.data/postgres');
		const port = Number(process.env.PARAAT_PG_PORT ?? 54329);
		logger.info({ dataDir, port }, 'ingebouwde PostgreSQL starten');
		embedded = await startEmbeddedPostgres({
			dataDir,
			port,
			fast: process.env.PARAAT_PG_FAST === '1',
			log: (line) => logger.debug({ pg: line })
		});
		await ensureDatabase(embedded.adminUrl, 'paraat');
		databaseUrl = embedded.urlFor('paraat');
		process.env.DATABASE_URL = databaseUrl;
	}

	const migrationDb = new Kysely<unknown>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) })
	});
	try {
		const { results } = await migrateToLatest(migrationDb);
		for (const r of results ?? []) logger.info({ migration: r.migrationName, status: r.status }, 'migratie');
	} finally {
		await migrationDb.destroy();
	}

	// The app's init hook seeds the demo exercise through its services when this is set.
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
		embedded: !!embedded,
		demoAccounts,
		async stop() {
			if (embedded) await embedded.stop();
		}
	};
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
