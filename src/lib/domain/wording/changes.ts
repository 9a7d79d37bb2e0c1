// Changes to a record in words: a task's history row in the evaluation timeline and the message
// when someone else changed a record first (who changed what, and when).
import { PROCESS_LABELS, TASK_STATUS_LABELS, type Process, type TaskStatus } from '../bevolkingszorg.ts';
import { fieldList } from './fields.ts';
import { dutchDateTime } from './values.ts';

/** Keys in a task's change row that are bookkeeping, not a change a reader needs to see. */
const BOOKKEEPING = new Set(['version', 'bulk', 'aangemaakt', 'taakkaart']);

/** "status naar in uitvoering; toegewezen; gewijzigd: omschrijving en gemeente". */
export function taskChangePhrase(changes: Record<string, unknown>): string {
	const parts: string[] = [];
	if (typeof changes.status === 'string') parts.push(`status naar ${(TASK_STATUS_LABELS[changes.status as TaskStatus] ?? changes.status).toLowerCase()}`);
	if ('assigneeId' in changes) parts.push(changes.assigneeId ? 'toegewezen' : 'toewijzing vervallen');
	if ('blockedReason' in changes) parts.push(changes.blockedReason ? `geblokkeerd (${String(changes.blockedReason)})` : 'blokkade opgeheven');
	if (typeof changes.priority === 'string') parts.push(`prioriteit ${changes.priority}`);
	if (typeof changes.process === 'string') parts.push(`naar proces ${(PROCESS_LABELS[changes.process as Process] ?? changes.process).toLowerCase()}`);
	const handled = new Set(['status', 'assigneeId', 'blockedReason', 'priority', 'process']);
	const rest = Object.keys(changes).filter((k) => !handled.has(k) && !BOOKKEEPING.has(k) && changes[k] !== undefined);
	if (rest.length > 0) parts.push(`gewijzigd: ${fieldList(rest)}`);
	return parts.join('; ');
}

export interface ConflictFacts {
	/** What the record is called ("Opvanglocatie openen"). */
	title: string;
	/** Who saved the version we did not see; null when unknown. */
	by: string | null;
	/** When that version was saved (ISO). */
	at: string;
	/** The Dutch names of the fields that differ from what we saw. */
	fields: string[];
}

/** "Anna de Vries heeft «Opvang regelen» om 7-12-2026 10:42 gewijzigd: status en uitvoerder." */
export function conflictSentence(facts: ConflictFacts): string {
	const who = facts.by ?? 'Iemand anders';
	const what = facts.fields.length > 0 ? `: ${[...new Set(facts.fields)].join(', ').replace(/, ([^,]*)$/, ' en $1')}` : ' (geen zichtbare velden)';
	return `${who} heeft «${facts.title}» om ${dutchDateTime(facts.at)} gewijzigd${what}.`;
}

/** The API's 409 message: "Anna de Vries heeft deze taak om 7-12-2026 10:42 gewijzigd." */
export function overtakenSentence(subject: string, by: string | null, at: string | null): string {
	return `${by ?? 'Iemand anders'} heeft ${subject}${at ? ` om ${dutchDateTime(at)}` : ''} gewijzigd.`;
}
