// Who may see and answer advice. Framework-free: the advice capability authorises the advice
// topics with it in the socket layer. The permit officers of a municipality (event.read / event.write) see every request on
// its applications. An adviser's grant (role adviseur with a discipline; municipal or regional)
// covers the requests of that discipline and every joint request in its scope; an adviser with
// such a request on an application may read that application and all advice on it, so the
// services advising on one event see each other's advice (they coordinate, and a class C advice
// is joint anyway). Only an adviser of the request's own discipline answers it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can, disciplinesFor, grantScopes } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/roles.ts';
import { ADVICE_DISCIPLINES, kindCoversDiscipline, type AdviceDiscipline, type AdviceKind } from '../../domain/advice/vocabulary.ts';
import { adviceKindsOfApplication, type InboxScope } from './advice-queries.ts';

/** The disciplines the user advises for in this municipality, in the order brandweer, GHOR, politie. */
export function adviserDisciplines(user: SessionUser, municipality: string): AdviceDiscipline[] {
	const held = new Set<string>(disciplinesFor(user, 'advice.read', municipality));
	return ADVICE_DISCIPLINES.filter((d) => held.has(d));
}

/** The discipline the user answers a request of this kind as, or undefined when they may not. */
export function answeringDiscipline(user: SessionUser, municipality: string, kind: AdviceKind): AdviceDiscipline | undefined {
	if (!can(user, 'advice.answer', { municipality })) return undefined;
	return adviserDisciplines(user, municipality).find((d) => kindCoversDiscipline(kind, d));
}

export function adviserCoversKind(user: SessionUser, municipality: string, kind: AdviceKind): boolean {
	if (!can(user, 'advice.read', { municipality })) return false;
	return adviserDisciplines(user, municipality).some((d) => kindCoversDiscipline(kind, d));
}

export function isOfficerOf(user: SessionUser, municipality: string): boolean {
	return can(user, 'event.read', { municipality });
}

/** Whether the user is a permit officer of the application's municipality (for pages). */
export const isApplicationOfficer = isOfficerOf;

/** Officer of the municipality, or adviser with a request on the application that their grant covers. */
export async function mayReadApplicationAdvice(
	db: Kysely<DB>,
	user: SessionUser,
	application: { id: string; municipalityCode: string }
): Promise<boolean> {
	if (isOfficerOf(user, application.municipalityCode)) return true;
	if (adviserDisciplines(user, application.municipalityCode).length === 0) return false;
	const kinds = await adviceKindsOfApplication(db, application.id);
	return kinds.some((kind) => adviserCoversKind(user, application.municipalityCode, kind));
}

/**
 * Advisers read what they advise on: the application, its risicoscan and its documents, for every
 * request addressed to their discipline and municipality, open or answered (reading only; writing
 * stays with the permit officers). The application view carries no Bibob part.
 */
export const adviserReadRule = (db: Kysely<DB>, user: SessionUser, application: { id: string; municipalityCode: string }): Promise<boolean> =>
	mayReadApplicationAdvice(db, user, application);

/** The adviser's inbox: per adviser grant its municipality (null: the region) and kinds. */
export function inboxScopes(user: SessionUser): InboxScope[] {
	return grantScopes(user, 'advice.read')
		.filter((g) => g.discipline)
		.map((g) => ({ municipality: g.municipality, kinds: [g.discipline as AdviceDiscipline, 'joint'] }));
}

// ---------------------------------------------------------------------------------------------
// Topics

/** An application's advice news: officers of its municipality and the advisers on it. */
export const adviceTopic = (applicationId: string) => `advice:${applicationId}`;

/**
 * An inbox's news: one topic per municipality and discipline, so a municipal grant hears only its
 * own municipality and a regional adviser follows the nine of their discipline.
 */
export const adviceInboxTopic = (municipality: string, discipline: AdviceDiscipline) => `adviceinbox:${municipality}-${discipline}`;

/** The inbox topics a request of this kind is announced on. */
export function inboxTopicsFor(municipality: string, kind: AdviceKind): string[] {
	return ADVICE_DISCIPLINES.filter((d) => kindCoversDiscipline(kind, d)).map((d) => adviceInboxTopic(municipality, d));
}

/** The inbox topics the user may follow (for every municipality in `municipalities`). */
export function inboxTopicsOf(user: SessionUser, municipalities: readonly string[]): string[] {
	const topics = new Set<string>();
	for (const g of grantScopes(user, 'advice.read')) {
		if (!g.discipline) continue;
		for (const m of g.municipality === null ? municipalities : [g.municipality]) topics.add(adviceInboxTopic(m, g.discipline));
	}
	return [...topics].sort();
}

/** `<municipality>-<discipline>` of an inbox topic, or undefined when it is not one. */
export function parseInboxTopic(param: string): { municipality: string; discipline: AdviceDiscipline } | undefined {
	const match = /^([a-z]+)-(brandweer|ghor|politie)$/.exec(param);
	return match ? { municipality: match[1]!, discipline: match[2] as AdviceDiscipline } : undefined;
}
