// The shapes of a Bibob file for pages and API: the whole file (for its officers) and an overview
// row. Terms are computed here from the stored dates with the pure rules of the domain.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEFAULT_SETTINGS, type Decision, type FileStatus, type Intention, type LbbConclusion, type OwnConclusion, type PermitKind } from '../../domain/bibob/catalog.ts';
import { fileStage, type ProcedureState } from '../../domain/bibob/procedure.ts';
import { decisionTerm, lbbAdviceDue, pastRetention, retentionEnds, type DecisionTerm } from '../../domain/bibob/terms.ts';
import { municipalityName } from '../../domain/region.ts';
import { applicationSummary, extraQuestionsOf, fileChildren, settingsOf, userName, type FileRow } from './bibob-queries.ts';
import type { BibobFileRecord, BibobOverviewRecord as OverviewRow } from '../../contracts/bibob.ts';
export type { BibobFileRecord, OverviewRow };

export interface BibobSettings {
	municipality: string;
	retentionYears: number;
	zienswijzeWeeks: number;
	answerWeeks: number;
	warningDays: number;
	version: number;
	saved: boolean;
}

export async function loadSettings(db: Kysely<DB>, municipality: string): Promise<BibobSettings> {
	const row = await settingsOf(db, municipality);
	if (!row) return { municipality, ...DEFAULT_SETTINGS, version: 0, saved: false };
	return {
		municipality,
		retentionYears: row.retentionYears,
		zienswijzeWeeks: row.zienswijzeWeeks,
		answerWeeks: row.answerWeeks,
		warningDays: row.warningDays,
		version: row.version,
		saved: true
	};
}

export function procedureState(row: FileRow): ProcedureState & { questionnaireReceivedOn: string | null } {
	return {
		status: row.status as FileStatus,
		openedOn: row.openedOn,
		questionnaireSentOn: row.questionnaireSentOn,
		questionnaireReceivedOn: row.questionnaireReceivedOn,
		lbbRequestedOn: row.lbbRequestedOn,
		lbbExtendedOn: row.lbbExtendedOn,
		lbbReceivedOn: row.lbbReceivedOn,
		intention: row.intention as Intention | null,
		intentionOn: row.intentionOn,
		zienswijzeDueOn: row.zienswijzeDueOn,
		zienswijzeReceivedOn: row.zienswijzeReceivedOn
	};
}

type ExtraQuestionRow = { fileId: string; sentOn: string; answeredOn: string | null };

function termOf(row: FileRow, extra: ExtraQuestionRow[], settings: BibobSettings, today: string): DecisionTerm | null {
	if (row.status !== 'open' || !row.originalDeadline) return null;
	return decisionTerm({
		originalDeadline: row.originalDeadline,
		lbb: row.lbbRequestedOn ? { requestedOn: row.lbbRequestedOn, extendedOn: row.lbbExtendedOn, receivedOn: row.lbbReceivedOn } : null,
		extraQuestions: extra.filter((q) => q.fileId === row.id).map((q) => ({ sentOn: q.sentOn, answeredOn: q.answeredOn })),
		today,
		warningDays: settings.warningDays
	});
}

/** What the overview lists: the permit and the procedure's state, never the screening's content. */
export async function overviewRows(db: Kysely<DB>, rows: FileRow[], settings: BibobSettings, today: string): Promise<OverviewRow[]> {
	const extra = await extraQuestionsOf(
		db,
		rows.filter((r) => r.status === 'open').map((r) => r.id)
	);
	const events = new Map<string, { reference: string; name: string }>();
	for (const r of rows) {
		const app = r.eventApplicationId ? await applicationSummary(db, r.eventApplicationId) : null;
		if (app) events.set(r.id, app);
	}
	return rows.map((r) => {
		const term = termOf(r, extra, settings, today);
		const event = events.get(r.id);
		return {
			id: r.id,
			municipality: r.municipalityCode,
			permitKind: r.permitKind as PermitKind,
			permit: event ? `${event.reference} — ${event.name}` : [r.permitReference, r.permitDescription].filter(Boolean).join(' — ') || '(vernietigd)',
			status: r.status as FileStatus,
			stage: fileStage(procedureState(r)),
			openedOn: r.openedOn,
			closedOn: r.closedOn,
			destroyedAt: r.destroyedAt?.toISOString() ?? null,
			term: term && { deadline: term.deadline, state: term.state, daysLeft: term.daysLeft, warning: term.warning, suspendedDays: term.suspendedDays },
			lbbDueOn: r.status === 'open' && r.lbbRequestedOn && !r.lbbReceivedOn ? lbbAdviceDue(r.lbbRequestedOn, !!r.lbbExtendedOn) : null,
			zienswijzeDueOn: r.status === 'open' && r.intention && !r.zienswijzeReceivedOn ? r.zienswijzeDueOn : null,
			answerDueOn: r.status === 'open' && r.questionnaireSentOn && !r.questionnaireReceivedOn ? r.questionnaireDueOn : null,
			retentionEndsOn: r.status === 'afgerond' && r.closedOn ? retentionEnds(r.closedOn, settings.retentionYears) : null,
			pastRetention: r.status === 'afgerond' && !!r.closedOn && pastRetention(r.closedOn, settings.retentionYears, today),
			version: r.version
		};
	});
}

export async function fileRecord(db: Kysely<DB>, row: FileRow, today: string): Promise<BibobFileRecord> {
	const settings = await loadSettings(db, row.municipalityCode);
	const [overview] = await overviewRows(db, [row], settings, today);
	const children = await fileChildren(db, row.id);
	const app = await applicationSummary(db, row.eventApplicationId);
	return {
		...overview!,
		municipalityName: municipalityName(row.municipalityCode),
		eventApplication: app && { id: app.id, reference: app.reference, name: app.name },
		permitReference: row.permitReference,
		permitDescription: row.permitDescription,
		applicantName: row.applicantName,
		originalDeadline: row.originalDeadline,
		termDetail: termOf(row, children.extraQuestions, settings, today),
		questionnaire: row.questionnaireSentOn ? { sentOn: row.questionnaireSentOn, dueOn: row.questionnaireDueOn, receivedOn: row.questionnaireReceivedOn } : null,
		ownConclusion: row.ownConclusion
			? { conclusion: row.ownConclusion as OwnConclusion, text: row.ownConclusionText ?? '', concludedOn: row.ownConcludedOn }
			: null,
		lbb: row.lbbRequestedOn
			? {
					requestedOn: row.lbbRequestedOn,
					dueOn: lbbAdviceDue(row.lbbRequestedOn, !!row.lbbExtendedOn),
					extendedOn: row.lbbExtendedOn,
					receivedOn: row.lbbReceivedOn,
					conclusion: row.lbbConclusion as LbbConclusion | null,
					summary: row.lbbSummary
				}
			: null,
		intention:
			row.intention && row.intentionOn
				? {
						intention: row.intention as Intention,
						intentionOn: row.intentionOn,
						zienswijzeDueOn: row.zienswijzeDueOn,
						zienswijzeReceivedOn: row.zienswijzeReceivedOn,
						zienswijzeSummary: row.zienswijzeSummary
					}
				: null,
		decision:
			row.decision && row.decidedOn
				? {
						decision: row.decision as Decision,
						decidedOn: row.decidedOn,
						reasoning: row.decisionReasoning ?? '',
						proportionality: row.proportionality ?? '',
						conditions: row.decisionConditions,
						decidedBy: await userName(db, row.decidedBy)
					}
				: null,
		closeReason: row.closeReason,
		destroyedBy: await userName(db, row.destroyedBy),
		parties: children.parties.map((p) => ({ id: p.id, kind: p.kind as 'organisatie' | 'persoon', name: p.name, kvk: p.kvk, role: p.role, note: p.note })),
		answers: children.answers.map((a) => ({ id: a.id, section: a.section, formReference: a.formReference, summary: a.summary })),
		findings: children.findings.map((f) => ({ id: f.id, indicator: f.indicator, description: f.description, source: f.source, foundOn: f.foundOn })),
		extraQuestions: children.extraQuestions.map((q) => ({ id: q.id, subject: q.subject, sentOn: q.sentOn, answeredOn: q.answeredOn })),
		disclosures: children.disclosures.map((d) => ({
			id: d.id,
			recipientKind: d.recipientKind,
			recipient: d.recipient,
			ground: d.ground,
			groundNote: d.groundNote,
			disclosedOn: d.disclosedOn,
			shared: d.shared,
			recordedBy: d.recordedByName,
			recordedAt: d.recordedAt.toISOString()
		})),
		updatedAt: row.updatedAt.toISOString()
	};
}
