// Paraat's configuration: every environment variable it reads, validated by one schema, with its
// default. Framework-free (relative imports only): the production entry, the dev plugin, the CLIs and
// the SvelteKit bundle all read it. A bad value stops the start with one Dutch sentence per variable.
//
// The "Configuration" table in docs/configuration.md lists the same variables; `tests/unit/config.test.ts` checks
// that the two agree.
import { z } from 'zod';
import { parseGroupRoles } from './identity/group-mapping.ts';

const flag = (name: string) =>
	z.enum(['0', '1'], { error: () => `${name} moet 0 of 1 zijn.` }).optional();

const port = (name: string) =>
	z.coerce
		.number({ error: () => `${name} moet een poortnummer zijn (1–65535).` })
		.int({ error: () => `${name} moet een geheel getal zijn.` })
		.min(1, { error: () => `${name} moet een poortnummer zijn (1–65535).` })
		.max(65535, { error: () => `${name} moet een poortnummer zijn (1–65535).` });

/** A URL whose parsed form passes `accept`; anything `new URL` refuses is no URL at all. */
const urlWhere = (accept: (url: URL) => boolean, message: string) =>
	z
		.string()
		.trim()
		.refine(
			(value) => {
				try {
					return accept(new URL(value));
				} catch {
					return false;
				}
			},
			{ error: () => message }
		);

const postgresUrl = urlWhere(
	(url) => (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '',
	'DATABASE_URL moet een PostgreSQL-adres zijn, bijvoorbeeld postgres://paraat:wachtwoord@db.example:5432/paraat.'
);

const origin = urlWhere(
	(url) => (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search,
	'ORIGIN moet het publieke adres zonder pad zijn, bijvoorbeeld https://paraat.vrk.nl.'
);

const secretKey = z
	.string()
	.trim()
	.refine((value) => Buffer.from(value, 'base64').length === 32, {
		error: () => 'PARAAT_SECRET_KEY moet 32 bytes zijn, base64-gecodeerd (maak er een met: openssl rand -base64 32).'
	});

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
	error: () => 'LOG_LEVEL moet een van fatal, error, warn, info, debug, trace of silent zijn.'
});

const headerName = (name: string) =>
	z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9-]+$/, { error: () => `${name} moet de naam van een HTTP-header zijn, bijvoorbeeld x-forwarded-proto.` });

/** adapter-node's own notation: bytes, or a number with K, M or G, or Infinity. */
const bodySizeLimit = z
	.string()
	.trim()
	.regex(/^(\d+[KMG]?|Infinity)$/i, { error: () => 'BODY_SIZE_LIMIT moet een aantal bytes zijn, eventueel met K, M of G (bijvoorbeeld 11M), of Infinity.' });

const oidcIssuer = urlWhere(
	(url) => url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)),
	'PARAAT_OIDC_ISSUER moet het https-adres van de identity provider zijn, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0.'
);

const smtpUrl = urlWhere(
	(url) => (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '' && (url.pathname === '' || url.pathname === '/'),
	'PARAAT_SMTP_URL moet een SMTP-adres zijn, bijvoorbeeld smtp://relay.example:587 of smtps://gebruiker:wachtwoord@smtp.example:465.'
);

/** A sender as a mail header has it: an address, or a name with the address in angle brackets. */
const mailFrom = z
	.string()
	.trim()
	.regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, { error: () => 'PARAAT_SMTP_FROM moet een afzender zijn, bijvoorbeeld "Paraat <paraat@vrk.nl>" of paraat@vrk.nl.' });

/** A VAPID key as web-push makes it: base64url, 65 bytes public, 32 bytes private. */
const vapidKey = (name: string, bytes: number) =>
	z
		.string()
		.trim()
		.refine((value) => /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === bytes, {
			error: () => `${name} moet een VAPID-sleutel zijn (base64url, ${bytes} bytes); maak een paar met: npx web-push generate-vapid-keys.`
		});

const vapidSubject = urlWhere(
	(url) => url.protocol === 'mailto:' || url.protocol === 'https:',
	'PARAAT_VAPID_SUBJECT moet een mailto:- of https-adres zijn waarop de pushdiensten de beheerder bereiken, bijvoorbeeld mailto:beheer@vrk.nl.'
);

const groupRolesJson = z
	.string()
	.trim()
	.superRefine((value, ctx) => {
		const parsed = parseGroupRoles(value, 'PARAAT_OIDC_GROUP_ROLES');
		if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
	});

/** Empty strings count as unset: `FOO= npm start` should not be an error. */
const withoutEmpty = (env: NodeJS.ProcessEnv) =>
	Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));

export const configSchema = z.object({
	PORT: port('PORT').default(3000),
	HOST: z.string().trim().default('0.0.0.0'),
	ORIGIN: origin.optional(),
	DATABASE_URL: postgresUrl.optional(),
	PARAAT_DEMO: flag('PARAAT_DEMO'),
	PARAAT_DATA_DIR: z.string().default('.data/postgres'),
	PARAAT_PG_PORT: port('PARAAT_PG_PORT').default(54329),
	PARAAT_PG_FAST: flag('PARAAT_PG_FAST'),
	PARAAT_SECRET_KEY: secretKey.optional(),
	PARAAT_BACKUP_DIR: z.string().trim().default('.data/backups'),
	PARAAT_SKIP_BUILD: flag('PARAAT_SKIP_BUILD'),
	PARAAT_BEELD_VEROUDERD_MINUTEN: z.coerce
		.number({ error: () => 'PARAAT_BEELD_VEROUDERD_MINUTEN moet een aantal minuten zijn.' })
		.int({ error: () => 'PARAAT_BEELD_VEROUDERD_MINUTEN moet een geheel aantal minuten zijn.' })
		.min(1, { error: () => 'PARAAT_BEELD_VEROUDERD_MINUTEN moet minstens 1 zijn.' })
		.max(24 * 60, { error: () => 'PARAAT_BEELD_VEROUDERD_MINUTEN mag hoogstens 1440 (een dag) zijn.' })
		.default(30),
	PARAAT_LOCATIESERVER_URL: urlWhere(
		(url) => (url.protocol === 'https:' || url.protocol === 'http:') && !url.search,
		'PARAAT_LOCATIESERVER_URL moet het adres van de PDOK Locatieserver zijn, bijvoorbeeld https://api.pdok.nl/bzk/locatieserver/search/v3_1.'
	).default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
	PARAAT_ALARM_ESCALATIE_MINUTEN: z.coerce
		.number({ error: () => 'PARAAT_ALARM_ESCALATIE_MINUTEN moet een aantal minuten zijn.' })
		.int({ error: () => 'PARAAT_ALARM_ESCALATIE_MINUTEN moet een geheel aantal minuten zijn.' })
		.min(1, { error: () => 'PARAAT_ALARM_ESCALATIE_MINUTEN moet minstens 1 zijn.' })
		.max(120, { error: () => 'PARAAT_ALARM_ESCALATIE_MINUTEN mag hoogstens 120 (twee uur) zijn.' })
		.default(5),
	PARAAT_ALARM_LINK_UREN: z.coerce
		.number({ error: () => 'PARAAT_ALARM_LINK_UREN moet een aantal uren zijn.' })
		.int({ error: () => 'PARAAT_ALARM_LINK_UREN moet een geheel aantal uren zijn.' })
		.min(1, { error: () => 'PARAAT_ALARM_LINK_UREN moet minstens 1 zijn.' })
		.max(72, { error: () => 'PARAAT_ALARM_LINK_UREN mag hoogstens 72 (drie dagen) zijn.' })
		.default(12),
	PARAAT_METRICS_TOKEN: z
		.string()
		.trim()
		.min(16, { error: () => 'PARAAT_METRICS_TOKEN moet minstens 16 tekens lang zijn (maak er een met: openssl rand -hex 32).' })
		.regex(/^\S+$/, { error: () => 'PARAAT_METRICS_TOKEN mag geen spaties bevatten.' })
		.optional(),
	PARAAT_SHUTDOWN_GRACE_SECONDS: z.coerce
		.number({ error: () => 'PARAAT_SHUTDOWN_GRACE_SECONDS moet een aantal seconden zijn.' })
		.int({ error: () => 'PARAAT_SHUTDOWN_GRACE_SECONDS moet een geheel aantal seconden zijn.' })
		.min(0, { error: () => 'PARAAT_SHUTDOWN_GRACE_SECONDS mag niet negatief zijn.' })
		.max(300, { error: () => 'PARAAT_SHUTDOWN_GRACE_SECONDS mag hoogstens 300 (vijf minuten) zijn.' })
		.default(15),
	PARAAT_OIDC_ISSUER: oidcIssuer.optional(),
	PARAAT_OIDC_CLIENT_ID: z.string().trim().max(300, { error: () => 'PARAAT_OIDC_CLIENT_ID is te lang.' }).optional(),
	PARAAT_OIDC_CLIENT_SECRET: z.string().trim().max(2000, { error: () => 'PARAAT_OIDC_CLIENT_SECRET is te lang.' }).optional(),
	PARAAT_OIDC_GROUP_ROLES: groupRolesJson.optional(),
	PARAAT_OIDC_GROUPS_CLAIM: z
		.string()
		.trim()
		.regex(/^[A-Za-z0-9_:/.-]{1,200}$/, { error: () => 'PARAAT_OIDC_GROUPS_CLAIM moet de naam van een claim zijn, bijvoorbeeld groups of roles.' })
		.default('groups'),
	PARAAT_OIDC_NAME: z.string().trim().max(100, { error: () => 'PARAAT_OIDC_NAME mag hoogstens 100 tekens hebben.' }).optional(),
	PARAAT_OIDC_TRUST_MFA: flag('PARAAT_OIDC_TRUST_MFA'),
	PARAAT_SMTP_URL: smtpUrl.optional(),
	PARAAT_SMTP_FROM: mailFrom.optional(),
	PARAAT_SMTP_REQUIRE_TLS: flag('PARAAT_SMTP_REQUIRE_TLS'),
	PARAAT_SMTP_ALLOW_INVALID_CERT: flag('PARAAT_SMTP_ALLOW_INVALID_CERT'),
	PARAAT_VAPID_PUBLIC_KEY: vapidKey('PARAAT_VAPID_PUBLIC_KEY', 65).optional(),
	PARAAT_VAPID_PRIVATE_KEY: vapidKey('PARAAT_VAPID_PRIVATE_KEY', 32).optional(),
	PARAAT_VAPID_SUBJECT: vapidSubject.optional(),
	LOG_LEVEL: logLevel.optional(),
	NODE_ENV: z.string().optional(),
	// adapter-node reads these itself, from the environment; validated here so that a typo stops the
	// start instead of, say, every form post being refused behind a proxy.
	PROTOCOL_HEADER: headerName('PROTOCOL_HEADER').optional(),
	HOST_HEADER: headerName('HOST_HEADER').optional(),
	ADDRESS_HEADER: headerName('ADDRESS_HEADER').optional(),
	XFF_DEPTH: z.coerce
		.number({ error: () => 'XFF_DEPTH moet een geheel getal van minstens 1 zijn.' })
		.int({ error: () => 'XFF_DEPTH moet een geheel getal van minstens 1 zijn.' })
		.min(1, { error: () => 'XFF_DEPTH moet een geheel getal van minstens 1 zijn.' })
		.optional(),
	BODY_SIZE_LIMIT: bodySizeLimit.default('11M'),
	PARAAT_WORKERS: z
		.string()
		.trim()
		.toLowerCase()
		.refine((value) => value === 'auto' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 32), {
			error: () => 'PARAAT_WORKERS moet auto zijn of een aantal werkprocessen van 1 tot en met 32.'
		})
		.transform((value): 'auto' | number => (value === 'auto' ? 'auto' : Number(value)))
		// One process: on 2 cores the workers compete with PostgreSQL and one is faster (issue #19's
		// benchmark); more cores are where workers pay. See docs/operations.md#worker-processes.
		.default(1),
	// Internal (set by the primary for its workers, not by operators): which worker this is.
	PARAAT_WORKER_INDEX: z.coerce.number().int().min(0).optional(),
	// Internal hand-over from the bootstrap to the app's init hook (set by Paraat itself, not by
	// operators): 1 when the demo region is to be seeded. See runtime/bootstrap.ts.
	PARAAT_DEMO_ACTIVE: flag('PARAAT_DEMO_ACTIVE')
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
	readonly problems: string[];
	/** What launch.cjs prints instead of a stack trace (see runtime/startup-error.ts). */
	readonly startupSentence: string;
	constructor(problems: string[]) {
		super(`De configuratie klopt niet: ${problems.join(' ')}`);
		this.name = 'ConfigError';
		this.problems = problems;
		this.startupSentence = this.message;
	}
}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = configSchema.safeParse(withoutEmpty(env));
	if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issue.message))]);
	const pairs = [...oidcProblems(parsed.data), ...vapidProblems(parsed.data)];
	if (pairs.length > 0) throw new ConfigError(pairs);
	return parsed.data;
}

/** Single sign-on by environment needs its issuer, client and mapping together, or none of them. */
function oidcProblems(c: Config): string[] {
	const set = [c.PARAAT_OIDC_ISSUER, c.PARAAT_OIDC_CLIENT_ID, c.PARAAT_OIDC_CLIENT_SECRET, c.PARAAT_OIDC_GROUP_ROLES];
	if (set.every((v) => v === undefined) || set.every((v) => v !== undefined)) return [];
	return ['Voor inloggen met een organisatie-account zijn PARAAT_OIDC_ISSUER, PARAAT_OIDC_CLIENT_ID, PARAAT_OIDC_CLIENT_SECRET en PARAAT_OIDC_GROUP_ROLES alle vier nodig.'];
}

/** Push needs both halves of the VAPID key pair. */
function vapidProblems(c: Config): string[] {
	if ((c.PARAAT_VAPID_PUBLIC_KEY === undefined) === (c.PARAAT_VAPID_PRIVATE_KEY === undefined)) return [];
	return ['Voor pushberichten zijn PARAAT_VAPID_PUBLIC_KEY en PARAAT_VAPID_PRIVATE_KEY allebei nodig (een sleutelpaar).'];
}

let cached: Config | undefined;

/** The process's configuration, validated once. */
export function config(): Config {
	return (cached ??= loadConfig());
}

/** Whether demo accounts are seeded: always on our own embedded database unless switched off,
 * on an external one only when asked for explicitly (DESIGN.md, "Demo mode"). */
export function demoWanted(c: Config): boolean {
	return c.DATABASE_URL ? c.PARAAT_DEMO === '1' : c.PARAAT_DEMO !== '0';
}
