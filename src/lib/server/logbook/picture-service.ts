// The shared situation picture: one current text per section, written by those responsible for
// it with optimistic versions (a stale version gets 409 with the current text), and SITRAPs:
// numbered, timed snapshots of the whole picture that stay readable. Live on `incident:<id>`.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import type { Action } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, VersionConflictError, forbidden, notFound } from '../errors';
import { canOnIncident, requireReadableIncident } from '../incident-access/incident-access';
import { findIncident, type IncidentRecord } from '../incident-access/incident-record-queries';
import {
	PICTURE_SECTIONS,
	PICTURE_SECTION_LABELS,
	nextSitrapNumber,
	staleThreshold,
	type PictureSection
} from '../../domain/situation';
import { overtakenSentence } from '../../domain/wording/changes';
import { config } from '../config';
import type { Clocked } from '../clock';
import { closedIncident, lockOpenIncident } from './log-service';
import {
	findSitrap,
	insertSection,
	insertSitrap,
	listSections,
	listSitraps,
	sitrapNumbers,
	updateSection,
	type SectionRecord,
	type SitrapRecord,
	type SitrapSummary
} from './picture-queries';
import type { SectionInput } from './log-input';
import { listFeatures } from '../map/map-queries';
import { mapListing } from '../../domain/map/listing';

interface Ctx extends Clocked {
	ip: string | null;
}

/** Minutes after which a section shows as stale: PARAAT_BEELD_VEROUDERD_MINUTEN, default 30. */
export function pictureStaleMinutes(): number {
	return staleThreshold(config().PARAAT_BEELD_VEROUDERD_MINUTEN);
}

/** The wording of a stale section's 409: who wrote the text now there, and that yours was not saved. */
export function sectionConflictMessage(current: SectionRecord): string {
	return (
		`${overtakenSentence(`de sectie ${PICTURE_SECTION_LABELS[current.section]}`, current.updatedBy?.name ?? null, current.updatedAt)} ` +
		'Je tekst is niet opgeslagen: bekijk de nieuwe tekst, neem je aanvulling over en sla opnieuw op.'
	);
}

/** The name callers and tests used before there was one conflict error. */
export { VersionConflictError as SectionConflictError };

const writeAction = (section: PictureSection) => `picture.write.${section}` as Action;

/** The sections this user may write on this incident. */
export function writableSections(user: SessionUser, incident: IncidentRecord): PictureSection[] {
	if (incident.status === 'gesloten') return [];
	return PICTURE_SECTIONS.filter((s) => canOnIncident(user, writeAction(s), incident));
}

export function canPublishSitrap(user: SessionUser, incident: IncidentRecord): boolean {
	return incident.status !== 'gesloten' && canOnIncident(user, 'sitrap.publish', incident);
}

export interface Picture {
	sections: SectionRecord[];
	sitraps: SitrapSummary[];
	staleMinutes: number;
}

export async function pictureOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<Picture> {
	const incident = await requireReadableIncident(db, user, incidentId);
	return {
		sections: await listSections(db, incidentId, incident.exercise),
		sitraps: await listSitraps(db, incidentId),
		staleMinutes: pictureStaleMinutes()
	};
}

export async function changeSection(
	db: Kysely<DB>,
	user: SessionUser,
	incidentId: string,
	section: PictureSection,
	input: SectionInput,
	ctx: Ctx
): Promise<SectionRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canOnIncident(user, writeAction(section), incident)) {
		throw forbidden(`Je mag de sectie ${PICTURE_SECTION_LABELS[section]} van het beeld niet wijzigen; dat doen de verantwoordelijken ervoor.`);
	}
	const text = input.text.trim();
	return transact(db, async (trx) => {
		await lockOpenIncident(trx, incidentId, 'het beeld wijzigt niet meer.');
		const values = { incidentId, section, text, updatedBy: user.id, updatedAt: ctx.now };
		const written = input.version === 0 ? await insertSection(trx, values) : await updateSection(trx, { ...values, version: input.version });
		const current = (await listSections(trx, incidentId, incident.exercise)).find((s) => s.section === section)!;
		if (!written) throw new VersionConflictError(current, sectionConflictMessage(current));
		await writeAudit(trx, {
			actorId: user.id,
			action: 'picture.updated',
			entityType: 'incident',
			entityId: incidentId,
			ip: ctx.ip,
			at: ctx.now,
			details: { section, version: current.version, exercise: incident.exercise }
		});
		await publish(trx, { topic: `incident:${incidentId}`, type: 'picture.updated', data: current, actor: { id: user.id, name: user.name }, exercise: incident.exercise, at: ctx.now });
		return current;
	});
}

export async function publishSitrap(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<SitrapRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canOnIncident(user, 'sitrap.publish', incident)) throw forbidden('Alleen het crisisteam (bij een oefening ook de oefenleider) publiceert een SITRAP.');
	if (incident.status === 'gesloten') throw closedIncident('er wordt geen SITRAP meer gepubliceerd.');
	return transact(db, async (trx) => {
		await lockOpenIncident(trx, incidentId, 'er wordt geen SITRAP meer gepubliceerd.');
		// The incident as it is now, under the lock (GRIP may have changed since the check).
		const now = (await findIncident(trx, incidentId))!;
		const sections = await listSections(trx, incidentId, now.exercise);
		if (sections.every((s) => s.text.trim() === '')) {
			throw new ServiceError(400, 'picture_empty', 'Het beeld is nog leeg: vul eerst minstens één sectie in voordat je een SITRAP publiceert.');
		}
		const number = nextSitrapNumber(await sitrapNumbers(trx, incidentId));
		await insertSitrap(trx, {
			incidentId,
			number,
			publishedBy: user.id,
			publishedAt: ctx.now,
			snapshot: {
				incident: {
					id: now.id,
					title: now.title,
					kind: now.kind,
					exercise: now.exercise,
					grip: now.grip,
					status: now.status,
					municipalities: now.municipalities,
					startedAt: now.startedAt
				},
				sections,
				map: mapListing(await listFeatures(trx, incidentId))
			}
		});
		const sitrap = (await findSitrap(trx, incidentId, number))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'sitrap.published',
			entityType: 'incident',
			entityId: incidentId,
			ip: ctx.ip,
			at: ctx.now,
			details: { number, exercise: now.exercise }
		});
		await publish(trx, { topic: `incident:${incidentId}`, type: 'sitrap.published', data: sitrap, actor: { id: user.id, name: user.name }, exercise: now.exercise, at: ctx.now });
		return sitrap;
	});
}

export async function sitrapsOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<SitrapSummary[]> {
	await requireReadableIncident(db, user, incidentId);
	return listSitraps(db, incidentId);
}

export async function sitrapOf(db: Kysely<DB>, user: SessionUser, incidentId: string, number: string | number): Promise<SitrapRecord> {
	await requireReadableIncident(db, user, incidentId);
	const n = typeof number === 'number' ? number : /^\d{1,6}$/.test(number) ? Number(number) : NaN;
	const sitrap = Number.isInteger(n) ? await findSitrap(db, incidentId, n) : undefined;
	if (!sitrap) throw notFound(`SITRAP ${String(number).slice(0, 20)} bestaat niet voor dit incident.`);
	return sitrap;
}
