// What Paraat works out for an application at every change until the decision: the risicoscan
// with the municipality's current model (the context criterion counted from the database), melding
// or vergunning by the municipality's conditions, and the application deadline.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { scoreRisicoscan, type Category, type RisicoscanModel, type RisicoscanResult } from '../../domain/risicoscan';
import type { EventSettings } from '../../domain/events/settings';
import { risicoscanInputOf, type ApplicationFacts, type ScanAnswers } from '../../domain/events/scan-answers';
import { meldingVerdict, type MeldingReason } from '../../domain/events/melding';
import { applicationDeadline } from '../../domain/events/deadlines';
import { type LocalDate } from '../../domain/working-days';
import type { Procedure } from '../../domain/events/application';
import { warningsForApplication } from '../calendar/calendar-service';
import { currentModel, settingsOf } from './settings-queries';

type Db = Kysely<DB> | Transaction<DB>;

export interface Assessment {
	scanResult: RisicoscanResult;
	scanModelVersion: number;
	computedCategory: Category;
	procedure: Procedure;
	procedureReasons: MeldingReason[];
	deadlineDate: LocalDate;
}

/**
 * The risicoscan's context criterion: other B/C events in the region on a day this event runs,
 * counted by the regional calendar's own day rule (an end before 07:00 belongs to the day before).
 */
export async function concurrentEventsFor(
	db: Db,
	applicationId: string | null,
	municipality: string,
	facts: Pick<ApplicationFacts, 'startsAt' | 'endsAt'>
): Promise<number> {
	const warnings = await warningsForApplication(db, { id: applicationId, municipality, category: null, startsAt: facts.startsAt, endsAt: facts.endsAt });
	return warnings.concurrentEvents;
}

/** The municipality's conditions and current model: what an assessment reads besides the calendar. */
export interface AssessmentRules {
	settings: EventSettings;
	model: { model: RisicoscanModel; version: number };
}

export async function assessmentRules(db: Db, municipality: string): Promise<AssessmentRules> {
	return { settings: (await settingsOf(db, municipality)).settings, model: await currentModel(db, municipality) };
}

/** `rules` may be read once for many applications of one municipality in one transaction (an import's batch). */
export async function assess(
	db: Db,
	municipality: string,
	applicationId: string | null,
	facts: ApplicationFacts,
	answers: ScanAnswers,
	overrideCategory: Category | null,
	rules?: AssessmentRules
): Promise<Assessment> {
	const { settings, model } = rules ?? (await assessmentRules(db, municipality));
	const concurrent = await concurrentEventsFor(db, applicationId, municipality, facts);
	const scanResult = scoreRisicoscan(risicoscanInputOf(facts, answers, concurrent), model.model);
	const verdict = meldingVerdict({ ...facts, category: overrideCategory ?? scanResult.category, answers }, settings.melding);
	const term = verdict.procedure === 'melding' ? settings.meldingTerm : settings.permitTerm;
	return {
		scanResult,
		scanModelVersion: model.version,
		computedCategory: scanResult.category,
		procedure: verdict.procedure,
		procedureReasons: verdict.reasons,
		deadlineDate: applicationDeadline(facts.startsAt, term)
	};
}

/** The assessment as columns of event_application. */
export function assessmentColumns(a: Assessment) {
	return {
		scanResult: JSON.stringify(a.scanResult),
		scanModelVersion: a.scanModelVersion,
		computedCategory: a.computedCategory,
		procedure: a.procedure,
		procedureReasons: JSON.stringify(a.procedureReasons),
		deadlineDate: a.deadlineDate
	};
}
