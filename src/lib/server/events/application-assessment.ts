// What Paraat works out for an application at every change until the decision: the risicoscan
// with the municipality's current model (the context criterion counted from the database), melding
// or vergunning by the municipality's conditions, and the application deadline.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { scoreRisicoscan, type Category, type RisicoscanResult } from '../../domain/risicoscan';
import { risicoscanInputOf, type ApplicationFacts, type ScanAnswers } from '../../domain/events/scan-answers';
import { meldingVerdict, localDatesSpanned, type MeldingReason } from '../../domain/events/melding';
import { applicationDeadline } from '../../domain/events/deadlines';
import { localDayBounds } from '../../domain/events/event-time';
import { type LocalDate } from '../../domain/working-days';
import type { Procedure } from '../../domain/events/application';
import { countConcurrentBcEvents } from './application-queries';
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

/** Other B/C events in the region on any local day this event runs. */
export async function concurrentEventsFor(db: Db, applicationId: string | null, facts: Pick<ApplicationFacts, 'startsAt' | 'endsAt'>): Promise<number> {
	const days = localDatesSpanned(facts.startsAt, facts.endsAt);
	const from = localDayBounds(days[0]!).from;
	const to = localDayBounds(days[days.length - 1]!).to;
	return countConcurrentBcEvents(db, applicationId, from, to);
}

export async function assess(
	db: Db,
	municipality: string,
	applicationId: string | null,
	facts: ApplicationFacts,
	answers: ScanAnswers,
	overrideCategory: Category | null
): Promise<Assessment> {
	const [{ settings }, model, concurrent] = [
		await settingsOf(db, municipality),
		await currentModel(db, municipality),
		await concurrentEventsFor(db, applicationId, facts)
	];
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
