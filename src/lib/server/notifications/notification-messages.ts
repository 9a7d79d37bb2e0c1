// The Dutch wording of the notifications Paraat sends by itself. Pure. What goes in is only what
// the recipient may read anyway and nothing confidential: the event's name, reference, dates,
// municipality, the service and the due date; never a Bibob status or finding, never the advice
// text itself, never an organiser's contact details. A mail leaves our hands; the link opens the
// rest behind the login.
import { ADVICE_CONCLUSION_LABELS, ADVICE_KIND_LABELS, formatDueDate, type AdviceRequestRecord } from '../../domain/advice/index.ts';
import { PROCESS_LABELS } from '../../domain/bevolkingszorg.ts';
import { municipalityName } from '../../domain/region.ts';
import type { TaskRecord } from '../../contracts/task.ts';
import { htmlFromText } from './mail-layout.ts';
import type { OutgoingNotification } from './notification-outbox.ts';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

const kindWords = (kind: AdviceRequestRecord['discipline']) => (kind === 'joint' ? 'het gezamenlijke advies van brandweer, GHOR en politie' : `het advies van de ${ADVICE_KIND_LABELS[kind].toLowerCase() === 'ghor' ? 'GHOR' : ADVICE_KIND_LABELS[kind].toLowerCase()}`);

function message(userId: string, category: OutgoingNotification['category'], subject: string, text: string, url: string): OutgoingNotification {
	return { userId, category, subject, text, html: htmlFromText(text), url };
}

function eventLine(r: AdviceRequestRecord): string {
	const a = r.application;
	const period = a.startsAt.slice(0, 10) === a.endsAt.slice(0, 10) ? `op ${dateOf(a.startsAt)}` : `van ${dateOf(a.startsAt)} tot ${dateOf(a.endsAt)}`;
	return `${a.name} (${a.reference}, ${municipalityName(a.municipality)}${a.category ? `, klasse ${a.category}` : ''}), ${period}`;
}

export function adviceRequestedMessage(userId: string, r: AdviceRequestRecord): OutgoingNotification {
	return message(
		userId,
		'advice_requested',
		`Adviesaanvraag: ${r.application.name} (${r.application.reference})`,
		`De gemeente ${municipalityName(r.application.municipality)} vraagt ${kindWords(r.discipline)} over het evenement ${eventLine(r)}.\n\nHet advies is uiterlijk ${formatDueDate(r.dueDate)} nodig.`,
		`/advies/${r.id}`
	);
}

export function adviceAnsweredMessage(userId: string, r: AdviceRequestRecord): OutgoingNotification {
	const by = r.answeredDiscipline ? ADVICE_KIND_LABELS[r.answeredDiscipline] : ADVICE_KIND_LABELS[r.discipline];
	const conclusion = r.conclusion ? ` De conclusie: ${ADVICE_CONCLUSION_LABELS[r.conclusion].toLowerCase()}.` : '';
	return message(
		userId,
		'advice_answered',
		`Advies uitgebracht: ${r.application.name} (${r.application.reference})`,
		`${by} heeft ${r.discipline === 'joint' ? 'het gezamenlijke advies' : 'advies'} uitgebracht over het evenement ${eventLine(r)}.${conclusion}`,
		`/evenementen/${r.applicationId}`
	);
}

export function deadlineNearMessage(userId: string, r: Pick<AdviceRequestRecord, 'applicationId' | 'discipline' | 'dueDate' | 'application'>, overdue: boolean): OutgoingNotification {
	const subject = overdue ? `Termijn verstreken: advies over ${r.application.name}` : `Termijn loopt af: advies over ${r.application.name}`;
	const when = overdue ? `had uiterlijk ${formatDueDate(r.dueDate)} binnen moeten zijn` : `is uiterlijk ${formatDueDate(r.dueDate)} nodig`;
	return message(
		userId,
		'deadline_near',
		subject,
		`${kindWords(r.discipline).replace(/^het/, 'Het')} over het evenement ${eventLine(r as AdviceRequestRecord)} ${when} en is nog niet uitgebracht.`,
		`/evenementen/${r.applicationId}`
	);
}

export function taskAssignedMessage(userId: string, task: TaskRecord, by: string): OutgoingNotification {
	const exercise = task.exercise ? 'OEFENING — ' : '';
	const due = task.dueAt ? ` Gereed uiterlijk ${new Date(task.dueAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' })}.` : '';
	return message(
		userId,
		'task_assigned',
		`${exercise}Taak voor jou: ${task.title}`,
		`${exercise}${by} heeft je de taak "${task.title}" toegewezen (${PROCESS_LABELS[task.process]}, prioriteit ${task.priority}).${due}`,
		`/crisis/${task.incidentId}`
	);
}
