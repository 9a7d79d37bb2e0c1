// Which topics exist and who may subscribe to them. Each subscribe is authorised like an
// HTTP request, through the permission module.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/roles.ts';
import { incidentHeader } from '../incidents/incident-queries.ts';
import { isUuid } from '../ids.ts';
import { findApplicationForAdvice } from '../advice/advice-queries.ts';
import { adviserDisciplines, mayReadApplicationAdvice, parseInboxTopic } from '../advice/advice-access.ts';

export type TopicDecision = { ok: true } | { ok: false; code: string; error: string };

type Authoriser = (ctx: { db: Kysely<DB>; user: SessionUser; param: string }) => Promise<TopicDecision>;

const allow: TopicDecision = { ok: true };
const forbidden: TopicDecision = { ok: false, code: 'forbidden', error: 'Je hebt geen toegang tot dit onderwerp.' };

const authorisers = new Map<string, Authoriser>([
	['region', async ({ user }) => (can(user, 'region.read') ? allow : forbidden)],
	['calendar', async ({ user }) => (can(user, 'region.read') ? allow : forbidden)],
	['bluswater', async ({ user }) => (can(user, 'bluswater.read') ? allow : forbidden)],
	[
		'municipality',
		async ({ db, user, param }) => {
			const found = await db.selectFrom('municipality').select('code').where('code', '=', param).executeTakeFirst();
			if (!found) return { ok: false, code: 'unknown_topic', error: `Onbekende gemeente: ${param}` };
			return can(user, 'municipality.read', { municipality: param }) ? allow : forbidden;
		}
	],
	['user', async ({ user, param }) => (param === user.id ? allow : forbidden)],
	[
		// A municipality's Bibob overview: only its own Bibob officers (a regional grant is not enough).
		'bibob',
		async ({ db, user, param }) => {
			const found = await db.selectFrom('municipality').select('code').where('code', '=', param).executeTakeFirst();
			if (!found) return { ok: false, code: 'unknown_topic', error: `Onbekende gemeente: ${param}` };
			return can(user, 'bibob.read', { municipality: param }) ? allow : forbidden;
		}
	],
	[
		// One event application's detail page: the officers of its municipality (event.read).
		'application',
		async ({ db, user, param }) => {
			if (!can(user, 'event.read')) return forbidden;
			const found = isUuid(param)
				? await db.selectFrom('eventApplication').select('municipalityCode').where('id', '=', param).executeTakeFirst()
				: undefined;
			if (!found || !can(user, 'event.read', { municipality: found.municipalityCode })) {
				return { ok: false, code: 'unknown_topic', error: 'Deze aanvraag bestaat niet of je hebt er geen toegang toe.' };
			}
			return allow;
		}
	],
	[
		// The advice on one application: officers of its municipality and the advisers it was asked of.
		// Advice content is not for everyone in the municipality, so never on `municipality:<code>`.
		'advice',
		async ({ db, user, param }) => {
			const application = isUuid(param) ? await findApplicationForAdvice(db, param) : undefined;
			if (!application) return { ok: false, code: 'unknown_topic', error: 'Deze aanvraag bestaat niet.' };
			return (await mayReadApplicationAdvice(db, user, application)) ? allow : forbidden;
		}
	],
	[
		// An adviser's inbox: `adviceinbox:<gemeente>-<discipline>`, for advisers of that discipline
		// whose grant covers the municipality (a regional adviser follows all nine).
		'adviceinbox',
		async ({ db, user, param }) => {
			const inbox = parseInboxTopic(param);
			const found = inbox && (await db.selectFrom('municipality').select('code').where('code', '=', inbox.municipality).executeTakeFirst());
			if (!inbox || !found) return { ok: false, code: 'unknown_topic', error: `Onbekende advies-inbox: ${param}` };
			return adviserDisciplines(user, inbox.municipality).includes(inbox.discipline) ? allow : forbidden;
		}
	],
	['incidents', async ({ user }) => (can(user, 'incident.read') ? allow : forbidden)],
	[
		'incident',
		async ({ db, user, param }) => {
			// Permission first: someone who may not read incidents learns nothing about which exist.
			if (!can(user, 'incident.read')) return forbidden;
			const found = isUuid(param) ? await incidentHeader(db, param) : undefined;
			return found ? allow : { ok: false, code: 'unknown_topic', error: 'Dit incident bestaat niet.' };
		}
	],
	[
		// The inject script of an exercise: for its exercise leaders only, never for the players.
		'injects',
		async ({ db, user, param }) => {
			if (!can(user, 'inject.manage')) return forbidden;
			const found = isUuid(param) ? await incidentHeader(db, param) : undefined;
			if (!found) return { ok: false, code: 'unknown_topic', error: 'Deze oefening bestaat niet.' };
			return found.kind === 'oefening' ? allow : forbidden;
		}
	]
]);

/** Lets a capability add its own topic kind (for example `incident:<id>`). */
export function registerTopic(kind: string, authoriser: Authoriser): void {
	authorisers.set(kind, authoriser);
}

const TOPIC_PATTERN = /^([a-z]+)(?::([A-Za-z0-9_-]{1,64}))?$/;
const PARAMETERLESS = new Set(['region', 'calendar', 'bluswater', 'incidents']);

export async function authoriseTopic(db: Kysely<DB>, user: SessionUser, topic: unknown): Promise<TopicDecision> {
	if (typeof topic !== 'string' || topic.length > 100) {
		return { ok: false, code: 'invalid_topic', error: 'Geef een geldig onderwerp op (tekst).' };
	}
	const match = TOPIC_PATTERN.exec(topic);
	const kind = match?.[1];
	const param = match?.[2];
	const authorise = kind ? authorisers.get(kind) : undefined;
	if (!match || !kind || !authorise || PARAMETERLESS.has(kind) === (param !== undefined)) {
		return { ok: false, code: 'unknown_topic', error: `Onbekend onderwerp: ${topic.slice(0, 100)}` };
	}
	return authorise({ db, user, param: param ?? '' });
}
