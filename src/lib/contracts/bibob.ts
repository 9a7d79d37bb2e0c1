// Bibob files as /api/v1 returns them to the Bibob officers of their municipality, and the news
// of a file on `bibob:<municipality>`.
import type { Decision, FileStatus, Intention, LbbConclusion, OwnConclusion, PermitKind } from '../domain/bibob/catalog.ts';
import type { Stage } from '../domain/bibob/procedure.ts';
import type { DecisionTerm } from '../domain/bibob/terms.ts';

/** What the overview lists: the permit and the procedure's state, never the screening's content. */
export interface BibobOverviewRecord {
	id: string;
	municipality: string;
	permitKind: PermitKind;
	permit: string;
	status: FileStatus;
	stage: Stage;
	openedOn: string;
	closedOn: string | null;
	destroyedAt: string | null;
	term: Pick<DecisionTerm, 'deadline' | 'state' | 'daysLeft' | 'warning' | 'suspendedDays'> | null;
	lbbDueOn: string | null;
	zienswijzeDueOn: string | null;
	answerDueOn: string | null;
	retentionEndsOn: string | null;
	pastRetention: boolean;
	version: number;
}

/** One file with its content: every step of the screening as recorded. */
export interface BibobFileRecord extends BibobOverviewRecord {
	municipalityName: string;
	eventApplication: { id: string; reference: string; name: string } | null;
	permitReference: string | null;
	permitDescription: string | null;
	applicantName: string | null;
	originalDeadline: string | null;
	termDetail: DecisionTerm | null;
	questionnaire: { sentOn: string; dueOn: string | null; receivedOn: string | null } | null;
	ownConclusion: { conclusion: OwnConclusion; text: string; concludedOn: string | null } | null;
	lbb: { requestedOn: string; dueOn: string; extendedOn: string | null; receivedOn: string | null; conclusion: LbbConclusion | null; summary: string | null } | null;
	intention: { intention: Intention; intentionOn: string; zienswijzeDueOn: string | null; zienswijzeReceivedOn: string | null; zienswijzeSummary: string | null } | null;
	decision: { decision: Decision; decidedOn: string; reasoning: string; proportionality: string; conditions: string | null; decidedBy: string | null } | null;
	closeReason: string | null;
	destroyedBy: string | null;
	parties: { id: string; kind: 'organisatie' | 'persoon'; name: string; kvk: string | null; role: string | null; note: string }[];
	answers: { id: string; section: string; formReference: string; summary: string }[];
	findings: { id: string; indicator: string; description: string; source: string; foundOn: string }[];
	extraQuestions: { id: string; subject: string; sentOn: string; answeredOn: string | null }[];
	disclosures: { id: string; recipientKind: string; recipient: string; ground: string; groundNote: string; disclosedOn: string; shared: string; recordedBy: string | null; recordedAt: string }[];
	updatedAt: string;
}

/**
 * The news of a file on `bibob:<municipality>`: which file changed and where it stands. Never its
 * content: that is read (and logged) through the API by those allowed to.
 */
export interface BibobFileNews {
	id: string;
	status: string;
	stage: string;
	version: number;
}
