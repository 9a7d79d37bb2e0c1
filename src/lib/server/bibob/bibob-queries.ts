// SQL for Bibob files. Functions take `db` or a transaction first. Nothing here checks who asks:
// the service does that before it calls any of these.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { BibobAnswer, BibobDisclosure, BibobExtraQuestion, BibobFile, BibobFinding, BibobParty, DB } from '../db/schema.ts';
import type { AccessChannel } from '../../domain/bibob/catalog.ts';

type Db = Kysely<DB>;
export type FileRow = Selectable<BibobFile>;

/** Just enough to decide whether the asker may see the file; says nothing to anyone else. */
export async function fileHeader(db: Db, id: string): Promise<{ id: string; municipalityCode: string; status: string } | undefined> {
	return db.selectFrom('bibobFile').select(['id', 'municipalityCode', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
	return db.selectFrom('bibobFile').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockFile(db: Db, id: string): Promise<FileRow | undefined> {
	return db.selectFrom('bibobFile').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertFile(db: Db, values: Insertable<BibobFile>): Promise<string> {
	const row = await db.insertInto('bibobFile').values(values).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** Every change raises the version, so a stale form gets a 409. */
export async function updateFile(db: Db, id: string, values: Updateable<BibobFile>): Promise<void> {
	await db
		.updateTable('bibobFile')
		.set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
		.where('id', '=', id)
		.execute();
}

export async function filesOf(db: Db, municipality: string, statuses: string[]): Promise<FileRow[]> {
	return db
		.selectFrom('bibobFile')
		.selectAll()
		.where('municipalityCode', '=', municipality)
		.where('status', 'in', statuses)
		.orderBy('openedOn', 'desc')
		.orderBy('createdAt', 'desc')
		.execute();
}

export async function extraQuestionsOf(db: Db, fileIds: string[]) {
	if (fileIds.length === 0) return [];
	return db.selectFrom('bibobExtraQuestion').selectAll().where('fileId', 'in', fileIds).orderBy('sentOn').orderBy('createdAt').execute();
}

export async function fileChildren(db: Db, id: string) {
	const [parties, answers, findings, extraQuestions, disclosures] = await Promise.all([
		db.selectFrom('bibobParty').selectAll().where('fileId', '=', id).orderBy('createdAt').execute(),
		db.selectFrom('bibobAnswer').selectAll().where('fileId', '=', id).orderBy('section').orderBy('createdAt').execute(),
		db.selectFrom('bibobFinding').selectAll().where('fileId', '=', id).orderBy('foundOn').orderBy('createdAt').execute(),
		extraQuestionsOf(db, [id]),
		db
			.selectFrom('bibobDisclosure')
			.leftJoin('appUser', 'appUser.id', 'bibobDisclosure.recordedBy')
			.selectAll('bibobDisclosure')
			.select('appUser.name as recordedByName')
			.where('fileId', '=', id)
			.orderBy('disclosedOn')
			.orderBy('recordedAt')
			.execute()
	]);
	return { parties, answers, findings, extraQuestions, disclosures };
}

export async function userName(db: Db, id: string | null): Promise<string | null> {
	if (!id) return null;
	const row = await db.selectFrom('appUser').select('name').where('id', '=', id).executeTakeFirst();
	return row?.name ?? null;
}

export async function insertAccess(db: Db, entry: { fileId: string; userId: string; channel: AccessChannel; part: string; ip: string | null }): Promise<void> {
	await db.insertInto('bibobAccessLog').values(entry).execute();
}

export async function accessLogOf(db: Db, fileId: string) {
	return db
		.selectFrom('bibobAccessLog')
		.innerJoin('appUser', 'appUser.id', 'bibobAccessLog.userId')
		.select(['bibobAccessLog.id', 'bibobAccessLog.at', 'bibobAccessLog.channel', 'bibobAccessLog.part', 'bibobAccessLog.ip', 'appUser.name as userName', 'appUser.email as userEmail'])
		.where('bibobAccessLog.fileId', '=', fileId)
		.orderBy('bibobAccessLog.id', 'desc')
		.execute();
}

/** Refused attempts on this id (the audit keeps them, for files that exist or not alike). */
export async function refusalsOf(db: Db, fileId: string) {
	return db
		.selectFrom('auditLog')
		.leftJoin('appUser', 'appUser.id', 'auditLog.actorId')
		.select(['auditLog.id', 'auditLog.at', 'auditLog.details', 'auditLog.ip', 'appUser.name as userName', 'appUser.email as userEmail'])
		.where('auditLog.action', '=', 'bibob.access_refused')
		.where('auditLog.entityId', '=', fileId)
		.orderBy('auditLog.id', 'desc')
		.execute();
}

/** The event applications of a municipality that a screening may be opened on. */
export async function screenableApplications(db: Db, municipality: string) {
	return db
		.selectFrom('eventApplication')
		.select(['id', 'reference', 'name', 'organiserOrganisation', 'organiserName', 'startsAt', 'status', 'bibobStatus'])
		.where('municipalityCode', '=', municipality)
		.where('status', 'not in', ['concept', 'ingetrokken'])
		.orderBy('startsAt')
		.execute();
}

export async function applicationForScreening(db: Db, id: string) {
	return db
		.selectFrom('eventApplication')
		.select(['id', 'reference', 'name', 'municipalityCode', 'status', 'decision', 'bibobStatus', 'organiserOrganisation', 'organiserName'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export async function applicationSummary(db: Db, id: string | null) {
	if (!id) return null;
	const row = await db.selectFrom('eventApplication').select(['id', 'reference', 'name', 'bibobStatus']).where('id', '=', id).executeTakeFirst();
	return row ?? null;
}

/** The link to the permit: what everyone else sees. Raises the application's version like any change. */
export async function setApplicationBibobStatus(db: Db, id: string, status: 'loopt' | 'afgerond'): Promise<void> {
	await db
		.updateTable('eventApplication')
		.set((eb) => ({ bibobStatus: status, version: eb('version', '+', 1), updatedAt: new Date() }))
		.where('id', '=', id)
		.execute();
}

export async function settingsOf(db: Db, municipality: string) {
	return db.selectFrom('bibobSettings').selectAll().where('municipalityCode', '=', municipality).executeTakeFirst();
}

/** A municipality's Bibob terms: created at the first change, every later change raises the version. */
export async function upsertSettings(
	db: Db,
	municipality: string,
	values: { retentionYears: number; zienswijzeWeeks: number; answerWeeks: number; warningDays: number; updatedBy: string; updatedAt: Date }
): Promise<void> {
	await db
		.insertInto('bibobSettings')
		.values({ municipalityCode: municipality, ...values })
		.onConflict((oc) => oc.column('municipalityCode').doUpdateSet((eb) => ({ ...values, version: eb('bibobSettings.version', '+', 1) })))
		.execute();
}

/**
 * Destroys a file's contents after its retention: its parties, answers, findings, questions and
 * disclosures go, and every personal or substantive column of the file is emptied. What stays is
 * that a file existed, of which municipality, and who destroyed it when.
 */
export async function destroyFileContents(db: Db, id: string, destroyed: { by: string; at: Date }): Promise<void> {
	const { by, at } = destroyed;
	for (const table of ['bibobParty', 'bibobAnswer', 'bibobFinding', 'bibobExtraQuestion', 'bibobDisclosure'] as const) {
		await db.deleteFrom(table).where('fileId', '=', id).execute();
	}
	await db
		.updateTable('bibobFile')
		.set((eb) => ({
			status: 'vernietigd',
			destroyedAt: at,
			destroyedBy: by,
			eventApplicationId: null,
			permitReference: null,
			permitDescription: null,
			applicantName: null,
			originalDeadline: null,
			questionnaireSentOn: null,
			questionnaireDueOn: null,
			questionnaireReceivedOn: null,
			ownConclusion: null,
			ownConclusionText: null,
			ownConcludedOn: null,
			lbbRequestedOn: null,
			lbbExtendedOn: null,
			lbbReceivedOn: null,
			lbbConclusion: null,
			lbbSummary: null,
			intention: null,
			intentionOn: null,
			zienswijzeDueOn: null,
			zienswijzeReceivedOn: null,
			zienswijzeSummary: null,
			decision: null,
			decidedOn: null,
			decisionReasoning: null,
			proportionality: null,
			decisionConditions: null,
			decidedBy: null,
			closeReason: null,
			version: eb('version', '+', 1),
			updatedAt: at
		}))
		.where('id', '=', id)
		.execute();
}

// A file's parts: each added in the file's own change (its row locked, its version raised).

export async function insertParty(db: Db, values: Insertable<BibobParty>): Promise<void> {
	await db.insertInto('bibobParty').values(values).execute();
}

export async function insertAnswer(db: Db, values: Insertable<BibobAnswer>): Promise<void> {
	await db.insertInto('bibobAnswer').values(values).execute();
}

export async function insertFinding(db: Db, values: Insertable<BibobFinding>): Promise<void> {
	await db.insertInto('bibobFinding').values(values).execute();
}

export async function insertExtraQuestion(db: Db, values: Insertable<BibobExtraQuestion>): Promise<void> {
	await db.insertInto('bibobExtraQuestion').values(values).execute();
}

/** One extra question of the file, locked for the answer being recorded. */
export async function lockExtraQuestion(db: Db, fileId: string, questionId: string) {
	return db.selectFrom('bibobExtraQuestion').selectAll().where('id', '=', questionId).where('fileId', '=', fileId).forUpdate().executeTakeFirst();
}

export async function setExtraQuestionAnswered(db: Db, questionId: string, answeredOn: string): Promise<void> {
	await db.updateTable('bibobExtraQuestion').set({ answeredOn }).where('id', '=', questionId).execute();
}

export async function insertDisclosure(db: Db, values: Insertable<BibobDisclosure>): Promise<void> {
	await db.insertInto('bibobDisclosure').values(values).execute();
}
