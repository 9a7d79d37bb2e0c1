// The incident logbook: entries are appended, never edited (a correction is a new entry that
// refers to the old one), verified once by an information manager, read per user. Each write
// is one transaction that audits and publishes on `incident:<id>` with the exercise mark.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, conflict, forbidden, invalid, notFound } from '../errors';
import { isUuid } from '../ids';
import { momentOf, type Clocked } from '../clock';
import { canOnIncident, requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import { correctionRefusal, happenedAtRefusal, unreadNumbers, verificationRefusal } from '../../domain/logbook';
import { entryAsSeenBy } from '../../domain/injects';
import {
	advanceReadPosition,
	findEntry,
	highestNumber,
	insertEntry,
	listEntries,
	lockIncident,
	markVerified,
	readPosition,
	type LogEntryRecord
} from './log-queries';
import type { LogFilterInput, NewLogEntryInput, ReadInput } from './log-input';

interface Ctx extends Clocked {
	ip: string | null;
}

export const closedIncident = (what: string) => new ServiceError(409, 'incident_closed', `Dit incident is gesloten; ${what}`);

/** Locks the incident for this transaction and refuses when it was closed meanwhile. */
export async function lockOpenIncident(trx: Transaction<DB>, incidentId: string, what: string) {
	const locked = await lockIncident(trx, incidentId);
	if (!locked) throw notFound('Dit incident bestaat niet meer.');
	if (locked.status === 'gesloten') throw closedIncident(what);
	return locked;
}

/**
 * The players' topic carries the entry as players see it: an inject stays an ordinary message of
 * its source there (also when it is verified or corrected later), whoever wrote the change.
 */
export async function announceEntry(trx: Transaction<DB>, actor: { id: string; name: string } | null, entry: LogEntryRecord, type: 'log.created' | 'log.verified', at?: Date) {
	await publish(trx, { topic: `incident:${entry.incidentId}`, type, data: entryAsSeenBy(entry, false), actor, exercise: entry.exercise, at });
}

/** Whether this user sees injects as injects: the oefenleiding of an exercise. */
export function seesInjects(user: SessionUser, incident: IncidentRecord): boolean {
	return incident.exercise && canOnIncident(user, 'inject.manage', incident);
}

export interface Logbook {
	entries: LogEntryRecord[];
	/** The number of the last entry this user marked as read. */
	readPosition: number;
	/** Numbers of entries (in this selection) the user has not read. */
	unread: number[];
	/** The highest entry number of the incident (regardless of filters). */
	highest: number;
}

export function canWriteLog(user: SessionUser, incident: IncidentRecord): boolean {
	return canOnIncident(user, 'log.write', incident) && incident.status !== 'gesloten';
}

export function canVerifyLog(user: SessionUser, incident: IncidentRecord): boolean {
	return canOnIncident(user, 'log.verify', incident) && incident.status !== 'gesloten';
}

export async function logbookOf(db: Kysely<DB>, user: SessionUser, incidentId: string, filter: LogFilterInput = {}): Promise<Logbook> {
	const incident = await requireReadableIncident(db, user, incidentId);
	const position = await readPosition(db, incidentId, user.id);
	// Injects read as ordinary messages of their source, except for the oefenleiding.
	const asInjects = seesInjects(user, incident);
	let entries = (await listEntries(db, incidentId, { kinds: filter.kinds, disciplines: filter.disciplines })).map((e) => entryAsSeenBy(e, asInjects));
	const unread = unreadNumbers(entries.map((e) => ({ number: e.number, authorId: e.author.id })), position, user.id);
	if (filter.unread) entries = entries.filter((e) => unread.includes(e.number));
	return { entries, readPosition: position, unread, highest: await highestNumber(db, incidentId) };
}

export async function addLogEntry(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewLogEntryInput, ctx: Ctx): Promise<LogEntryRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canOnIncident(user, 'log.write', incident)) {
		throw forbidden(
			incident.exercise
				? 'Je mag in dit logboek niet schrijven; je leest alleen mee.'
				: 'Je mag in dit logboek niet schrijven; je leest alleen mee (een oefenleider schrijft alleen in oefeningen).'
		);
	}
	const now = momentOf(ctx);
	const happenedAt = input.happenedAt ? new Date(input.happenedAt) : now;
	const refusal = happenedAtRefusal(happenedAt, now);
	if (refusal) throw invalid([{ field: 'happenedAt', message: refusal }], refusal);
	if (input.correctsId) {
		const old = await findEntry(db, input.correctsId);
		if (!old || old.incidentId !== incidentId) {
			const message = 'De logregel die je corrigeert hoort niet bij dit incident.';
			throw invalid([{ field: 'correctsId', message }], message);
		}
	}
	return transact(db, async (trx) => {
		await lockOpenIncident(trx, incidentId, 'er komen geen logregels meer bij.');
		let corrected: LogEntryRecord | undefined;
		if (input.correctsId) {
			// Read again under the incident lock: two people correcting the same entry at once.
			corrected = (await findEntry(trx, input.correctsId))!;
			const why = correctionRefusal({ number: corrected.number, correctedBy: corrected.correctedBy?.number ?? null });
			if (why) throw new ServiceError(409, 'already_corrected', why);
		}
		const id = await insertEntry(trx, {
			incidentId,
			kind: input.kind,
			discipline: input.discipline,
			text: input.text,
			happenedAt,
			source: input.source ?? '',
			authorId: user.id,
			correctsId: input.correctsId ?? null,
			loggedAt: ctx.now
		});
		const entry = (await findEntry(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: corrected ? 'log.corrected' : 'log.created',
			entityType: 'logregel',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { incidentId, number: entry.number, kind: entry.kind, discipline: entry.discipline, exercise: entry.exercise, ...(corrected ? { corrects: corrected.number } : {}) }
		});
		await announceEntry(trx, { id: user.id, name: user.name }, entry, 'log.created', ctx.now);
		return entry;
	});
}

export async function verifyLogEntry(db: Kysely<DB>, user: SessionUser, incidentId: string, entryId: string, ctx: Ctx): Promise<LogEntryRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canOnIncident(user, 'log.verify', incident)) throw forbidden('Alleen een informatiemanager van het crisisteam verifieert logregels.');
	const before = isUuid(entryId) ? await findEntry(db, entryId) : undefined;
	if (!before || before.incidentId !== incidentId) throw notFound('Deze logregel bestaat niet in dit incident.');
	return transact(db, async (trx) => {
		await lockOpenIncident(trx, incidentId, 'logregels worden niet meer geverifieerd.');
		const current = (await findEntry(trx, entryId))!;
		const why = verificationRefusal({ number: current.number, authorId: current.author.id, verifiedAt: current.verified?.at ?? null }, user.id);
		if (why) throw new ServiceError(current.verified ? 409 : 400, current.verified ? 'already_verified' : 'own_entry', why);
		if (!(await markVerified(trx, entryId, user.id, ctx.now))) throw conflict(`Logregel ${current.number} is al geverifieerd.`);
		const entry = (await findEntry(trx, entryId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'log.verified',
			entityType: 'logregel',
			entityId: entryId,
			ip: ctx.ip,
			at: ctx.now,
			details: { incidentId, number: entry.number, exercise: entry.exercise }
		});
		await announceEntry(trx, { id: user.id, name: user.name }, entry, 'log.verified', ctx.now);
		// The information manager verifies a staged message like any other, without learning it was one.
		return entryAsSeenBy(entry, seesInjects(user, incident));
	});
}

/** Marks everything up to `upTo` as read for this user (never moves back). Reading is for every reader. */
export async function markLogRead(db: Kysely<DB>, user: SessionUser, incidentId: string, input: ReadInput) {
	await requireReadableIncident(db, user, incidentId);
	const highest = await highestNumber(db, incidentId);
	if (input.upTo > highest) {
		const message = `Logregel ${input.upTo} bestaat (nog) niet; de laatste is ${highest}.`;
		throw invalid([{ field: 'upTo', message }], message);
	}
	const position = await advanceReadPosition(db, incidentId, user.id, input.upTo);
	const all = await listEntries(db, incidentId, { afterNumber: position });
	return { readPosition: position, unread: unreadNumbers(all.map((e) => ({ number: e.number, authorId: e.author.id })), position, user.id) };
}
