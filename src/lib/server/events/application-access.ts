// Who may read and change an application, the conflict error, and how changes are announced.
// Officers (vergunningverlener) of the application's municipality read and change it; a
// regional grant covers all. Another capability (advice) may let more people read through a hook.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { isUuid } from '../ids';
import { ServiceError, VersionConflictError, forbidden, notFound } from '../errors';
import { overtakenSentence } from '../../domain/wording/changes';
import type { LastChange } from '../audit/last-change';
import { publish } from '../realtime/event-log';
import { applicationById, type ApplicationRow } from './application-queries';
import type { ApplicationView } from './application-view';

/** An extra "may read" rule, e.g. an adviser of a discipline the application was referred to. */
export type ReadRule = (db: Kysely<DB>, user: SessionUser, application: ApplicationRow) => Promise<boolean> | boolean;

/**
 * The application if this user may read it. Someone without any application role gets 403; an
 * officer of another municipality gets 404, so the existence of an application does not leak.
 */
export async function readableApplication(db: Kysely<DB>, user: SessionUser, id: string, mayRead?: ReadRule): Promise<ApplicationRow> {
	const row = isUuid(id) ? await applicationById(db, id) : undefined;
	if (row && can(user, 'event.read', { municipality: row.municipalityCode })) return row;
	if (row && mayRead && (await mayRead(db, user, row))) return row;
	if (!can(user, 'event.read') && !mayRead) throw forbidden('Je hebt geen toegang tot evenementaanvragen.');
	throw notFound('Deze aanvraag bestaat niet of je hebt er geen toegang toe.');
}

/** The application if this user may change it (its municipality's officer). */
export async function writableApplication(db: Kysely<DB>, user: SessionUser, id: string): Promise<ApplicationRow> {
	const row = await readableApplication(db, user, id);
	if (!can(user, 'event.write', { municipality: row.municipalityCode })) throw forbidden('Alleen een vergunningverlener van de gemeente wijzigt deze aanvraag.');
	return row;
}

/** The 409 for a stale application: the view as it is now, and who changed it last and when. */
export function applicationConflict(current: ApplicationView, last: LastChange | null): VersionConflictError<ApplicationView> {
	return new VersionConflictError(current, `${overtakenSentence('deze aanvraag', last?.by ?? null, last?.at ?? null)} Bekijk de nieuwe stand en probeer het opnieuw.`);
}

export const closedError = () =>
	new ServiceError(409, 'application_closed', 'Over deze aanvraag is al besloten of ze is ingetrokken; ze kan niet meer worden gewijzigd.');

export const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });

/** The detail page's news: the whole view, on the application's own topic. */
export async function announceApplication(trx: Transaction<DB>, user: SessionUser | null, view: ApplicationView, type: 'application.changed' = 'application.changed'): Promise<void> {
	await publish(trx, { topic: `application:${view.id}`, type, data: view, actor: user ? actorOf(user) : null, exercise: false });
}
