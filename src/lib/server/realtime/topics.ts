// Which topics exist and who may subscribe to them. The realtime core knows no capability: each
// capability declares its topic kinds with their authorisation (`<folder>/<name>-capability.ts`),
// and the composition root (runtime/capabilities.ts) registers them here at start. Each subscribe
// is authorised like an HTTP request, through the permission module.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';

export type TopicDecision = { ok: true } | { ok: false; code: string; error: string };

export type TopicAuthoriser = (ctx: { db: Kysely<DB>; user: SessionUser; param: string }) => Promise<TopicDecision>;

/** One kind of topic: `region` (parameterless) or `incident:<id>` (with a parameter). */
export interface TopicDefinition {
	kind: string;
	/** True for a topic without `:<param>` (`region`, `calendar`, …). */
	parameterless: boolean;
	authorise: TopicAuthoriser;
}

export const allowTopic: TopicDecision = { ok: true };
export const forbiddenTopic: TopicDecision = { ok: false, code: 'forbidden', error: 'Je hebt geen toegang tot dit onderwerp.' };
export const unknownTopic = (error: string): TopicDecision => ({ ok: false, code: 'unknown_topic', error });

const definitions = new Map<string, TopicDefinition>();

/**
 * Lets a capability add its own topic kind. Registering the same kind again replaces it (the dev
 * server and the tests register at every start); a different kind never overwrites another's.
 */
export function registerTopic(definition: TopicDefinition): void {
	definitions.set(definition.kind, definition);
}

/** The registered topic kinds, sorted (for the docs and a test that every capability registered). */
export function registeredTopicKinds(): string[] {
	return [...definitions.keys()].sort();
}

const TOPIC_PATTERN = /^([a-z]+)(?::([A-Za-z0-9_-]{1,64}))?$/;

export async function authoriseTopic(db: Kysely<DB>, user: SessionUser, topic: unknown): Promise<TopicDecision> {
	if (typeof topic !== 'string' || topic.length > 100) {
		return { ok: false, code: 'invalid_topic', error: 'Geef een geldig onderwerp op (tekst).' };
	}
	const match = TOPIC_PATTERN.exec(topic);
	const kind = match?.[1];
	const param = match?.[2];
	const definition = kind ? definitions.get(kind) : undefined;
	if (!match || !definition || definition.parameterless === (param !== undefined)) {
		return unknownTopic(`Onbekend onderwerp: ${topic.slice(0, 100)}`);
	}
	return definition.authorise({ db, user, param: param ?? '' });
}
