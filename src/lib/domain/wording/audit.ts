// The audit log in words: what was done ("GRIP gewijzigd") and its details as a Dutch sentence
// ("Van GRIP 1 naar GRIP 2. Reden: …"), from the stored action code and JSON details. Action codes
// use the realtime event types' vocabulary (`task.updated`, `bluswater.unit.created`; see
// docs/glossary.md); migration 0019 renamed the Dutch codes stored before.
import { dutchList, fieldLabel } from './fields.ts';
import { codeWords, valueText } from './values.ts';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
	'session.created': 'Ingelogd',
	'session.ended': 'Uitgelogd',
	'session.login_failed': 'Inloggen mislukt',
	'session.second_factor_enrolled': 'Tweede factor ingesteld',
	'session.second_factor_failed': 'Tweede factor mislukt',
	'session.recovery_codes_renewed': 'Nieuwe herstelcodes gemaakt',
	'session.password_changed': 'Eigen wachtwoord gewijzigd',
	'session.revoked': 'Sessie beëindigd',
	'session.others_revoked': 'Alle andere sessies beëindigd',
	'session.sso_failed': 'Inloggen via organisatie mislukt',
	'session.sso_refused': 'Inloggen via organisatie geweigerd (geen gekoppelde groep)',
	'user.created_via_sso': 'Gebruiker aangemaakt bij eerste keer inloggen via organisatie',
	'user.second_factor_reset': 'Tweede factor gereset door beheerder',
	'user.sessions_revoked': 'Alle sessies beëindigd door beheerder',
	'identity_provider.created': 'Inlogdienst toegevoegd',
	'identity_provider.updated': 'Inlogdienst gewijzigd',
	'identity_provider.deleted': 'Inlogdienst verwijderd',
	'user.created': 'Gebruiker aangemaakt',
	'user.activated': 'Gebruiker geactiveerd',
	'user.blocked': 'Gebruiker geblokkeerd',
	'grant.created': 'Rol toegekend',
	'grant.revoked': 'Rol ingetrokken',
	'grant.confirmed': 'Rol bevestigd door een tweede beheerder',
	'notice.created': 'Regionaal bericht geplaatst',
	'notice.read': 'Regionaal bericht als gelezen gemarkeerd',
	'notice.withdrawn': 'Regionaal bericht ingetrokken',
	'incident.created': 'Incident aangemaakt',
	'incident.grip_changed': 'GRIP gewijzigd',
	'incident.status_changed': 'Status incident gewijzigd',
	'incident.archived': 'Oefening gearchiveerd',
	'bevolkingszorg.activated': 'Bevolkingszorg geactiveerd',
	'task.created': 'Taak aangemaakt',
	'task.updated': 'Taak gewijzigd',
	'task.note': 'Notitie bij taak',
	'task.bulk_assigned': 'Taken toegewezen',
	'template.created': 'Standaardtaak toegevoegd',
	'template.updated': 'Standaardtaak gewijzigd',
	'log.created': 'Logregel toegevoegd',
	'log.corrected': 'Logregel gecorrigeerd',
	'log.verified': 'Logregel geverifieerd',
	'picture.updated': 'Beeld bijgewerkt',
	'sitrap.published': 'SITRAP vastgesteld',
	'map.feature.created': 'Kaartobject getekend',
	'map.feature.updated': 'Kaartobject gewijzigd',
	'map.feature.deleted': 'Kaartobject verwijderd',
	'map.exported': 'Kaart geëxporteerd',
	'inject.created': 'Inject gepland',
	'inject.deleted': 'Inject verwijderd',
	'inject.delivered': 'Inject afgeleverd',
	'alert.created': 'Gealarmeerd',
	'alert.answered': 'Alarmering beantwoord',
	'alert.escalated': 'Alarmering doorgezet naar backup',
	'oncall.period_created': 'Piketdienst toegevoegd',
	'oncall.period_swapped': 'Piketdienst geruild',
	'oncall.period_deleted': 'Piketdienst verwijderd',
	'oncall.function_created': 'Crisisfunctie toegevoegd',
	'oncall.grip_alerts_changed': 'Alarmering per GRIP-niveau gewijzigd',
	'timeline.exported': 'Evaluatietijdlijn geëxporteerd',
	'bluswater.unit.created': 'Eenheid toegevoegd',
	'bluswater.unit.updated': 'Eenheid gewijzigd',
	'bluswater.unit.status_changed': 'Status eenheid gewijzigd',
	'bluswater.assignment.created': 'Eenheid ingezet',
	'bluswater.assignment.ended': 'Inzet beëindigd',
	'bluswater.request.created': 'Waterverzoek gedaan',
	'bluswater.request.updated': 'Waterverzoek gewijzigd',
	'bluswater.request.ended': 'Waterverzoek beëindigd',
	'application.created': 'Aanvraag aangemaakt',
	'application.imported': 'Aanvraag geïmporteerd uit een evenementenlijst',
	'application.import_mapping_saved': 'Kolomkoppeling voor het importeren van evenementenlijsten opgeslagen',
	'application.copied': 'Aanvraag gekopieerd als nieuwe aanvraag',
	'application.submitted': 'Aanvraag ingediend',
	'application.updated': 'Aanvraag gewijzigd',
	'application.status_changed': 'Status aanvraag gewijzigd',
	'application.category_overridden': 'Klasse aangepast',
	'application.decided': 'Besluit genomen',
	'application.document_added': 'Document toegevoegd',
	'event_settings.updated': 'Instellingen evenementen gewijzigd',
	'risicoscan_model.saved': 'Risicoscanmodel opgeslagen',
	'advice.requested': 'Advies gevraagd',
	'advice.answered': 'Advies uitgebracht',
	'advice.withdrawn': 'Adviesaanvraag ingetrokken',
	'advice_settings.updated': 'Adviestermijnen gewijzigd',
	'calendar.feed_key.created': 'Agendalink gemaakt',
	'calendar.feed_key.revoked': 'Agendalink ingetrokken',
	'bibob.access_refused': 'Toegang tot Bibob-dossier geweigerd',
	'bibob.file.opened': 'Bibob-dossier geopend',
	'bibob.file.destroyed': 'Bibob-dossier vernietigd',
	'bibob.file.party_added': 'Bibob: betrokkene toegevoegd',
	'bibob.file.questionnaire_recorded': 'Bibob: vragenlijst vastgelegd',
	'bibob.file.answer_recorded': 'Bibob: antwoord vastgelegd',
	'bibob.file.finding_recorded': 'Bibob: bevinding vastgelegd',
	'bibob.file.conclusion_recorded': 'Bibob: conclusie vastgelegd',
	'bibob.file.extra_questions_sent': 'Bibob: aanvullende vragen gesteld',
	'bibob.file.extra_questions_answered': 'Bibob: aanvullende vragen beantwoord',
	'bibob.file.lbb_advice_requested': 'Bibob: LBB-advies gevraagd',
	'bibob.file.lbb_term_extended': 'Bibob: LBB-termijn verlengd',
	'bibob.file.lbb_advice_received': 'Bibob: LBB-advies ontvangen',
	'bibob.file.intention_sent': 'Bibob: voornemen verstuurd',
	'bibob.file.hearing_received': 'Bibob: zienswijze ontvangen',
	'bibob.file.decided': 'Bibob: besluit genomen',
	'bibob.file.closed': 'Bibob: dossier gesloten',
	'bibob.file.disclosure_recorded': 'Bibob: verstrekking vastgelegd',
	'bibob.settings.changed': 'Bibob-instellingen gewijzigd',
	'safety_plan.action_status_changed': 'Status van een actie van het veiligheidsplan gewijzigd',
	'safety_plan.revised': 'Veiligheidsplan bijgesteld',
	'safety_plan.figures_imported': 'Cijfers geïmporteerd in het veiligheidsplan',
	'safety_plan.action_added': 'Actie toegevoegd aan het uitvoeringsprogramma',
	'safety_plan.indicator_added': 'Indicator toegevoegd aan het veiligheidsplan',
	'safety_plan.measurement_recorded': 'Cijfer met de hand ingevoerd in het veiligheidsplan',
	'notification.retried': 'Uitgaand bericht opnieuw verstuurd'
};

/**
 * The Dutch name of every detail key the services write. `null`: not shown (ids, which mean
 * nothing to a reader; the subject column names the record).
 */
export const AUDIT_DETAIL_LABELS: Readonly<Record<string, string | null>> = {
	// who granted is an account id; the row's subject and actor already say who is involved
	toegekendDoor: null,
	cause: 'aanleiding',
	wachtOpBevestiging: 'wacht op bevestiging door een tweede beheerder',
	applicationId: null,
	incidentId: null,
	assignmentId: null,
	unitId: null,
	assigneeId: null,
	document: null,
	aanvraag: null,
	exercise: null,
	// cleared by the services before writing (spread, then set undefined)
	updatedAt: null,
	updatedBy: null,
	endedAt: null,
	reference: 'kenmerk',
	channel: 'kanaal',
	discipline: 'discipline',
	answeredAs: 'namens',
	conclusion: 'conclusie',
	conclusie: 'conclusie',
	conditions: 'voorschriften',
	voluntary: 'vrijwillig',
	dueDate: 'termijn tot',
	category: 'klasse',
	computed: 'berekende klasse',
	override: 'aangepaste klasse',
	reason: 'reden',
	decision: 'besluit',
	besluit: 'besluit',
	late: 'te laat ingediend',
	deadline: 'uiterste indieningsdatum',
	fields: 'gewijzigd',
	kind: 'soort',
	soort: 'soort',
	filename: 'bestand',
	bytes: 'bytes',
	grip: 'GRIP',
	functions: 'functies',
	function: 'functie',
	recipients: 'aantal gealarmeerden',
	unstaffed: 'functies zonder piketdienst',
	answer: 'antwoord',
	unanswered: 'zonder antwoord',
	startsAt: 'begin',
	endsAt: 'einde',
	slot: 'geruild',
	level: 'GRIP-niveau',
	name: 'naam',
	from: 'van',
	to: 'naar',
	municipalities: 'gemeenten',
	municipality: 'gemeente',
	tasks: 'taken',
	process: 'proces',
	title: 'titel',
	version: 'versie',
	rijen: 'rijen',
	rij: 'rij',
	naam: 'naam',
	bestand: 'bestand',
	koppeling: 'kolommen',
	note: 'toelichting',
	number: 'logregel',
	corrects: 'correctie op logregel',
	section: 'onderdeel',
	onderdeel: 'onderdeel',
	severity: 'ernst',
	format: 'formaat',
	dueMinutes: 'minuten na de start',
	unit: 'eenheid',
	place: 'plaats',
	demandLpm: 'vraag (l/min)',
	litresLeft: 'liters over',
	ended: 'beëindigd',
	email: 'e-mailadres',
	role: 'rol',
	rol: 'rol',
	active: 'actief',
	tweedeFactor: 'tweede factor',
	reden: 'reden',
	groepen: 'groepen',
	issuer: 'issuer',
	inlogdienst: 'inlogdienst',
	via: 'via inlogdienst',
	mfaVertrouwd: 'meervoudige authenticatie van de organisatie telt als tweede factor',
	actief: 'actief',
	nieuwGeheim: 'nieuw clientgeheim',
	aantal: 'aantal',
	eigen: 'eigen sessie',
	handeling: 'handeling',
	kanaal: 'kanaal',
	vraag: 'vraag',
	indicator: 'indicator',
	verstuurd: 'verstuurd',
	ontvangen: 'ontvangen',
	beantwoord: 'beantwoord',
	gevraagd: 'gevraagd',
	verlengd: 'verlengd tot',
	datum: 'datum',
	voornemen: 'voornemen',
	ontvanger: 'ontvanger',
	grondslag: 'grondslag',
	geopend: 'geopend',
	afgerond: 'afgerond',
	bewaartermijnJaren: 'bewaartermijn (jaren)',
	termDaysB: 'termijn klasse B (dagen)',
	termDaysC: 'termijn klasse C (dagen)',
	areaCode: 'gebied (CBS-code)',
	value: 'waarde',
	source: 'bron',
	featureId: null,
	vorm: 'vorm'
};

export interface AuditWording {
	/** What was done, e.g. "GRIP gewijzigd". */
	action: string;
	/** The details as one or more Dutch sentences; '' when there is nothing to say. */
	details: string;
	/** Whether the record belongs to an exercise (shown as OEFENING). */
	exercise: boolean;
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** An action code nobody labelled yet: its Dutch words, "bibob.file.party_added" → "Bibob: betrokkene toegevoegd". */
function fallbackAction(action: string): string {
	const [subject, ...rest] = action.split('.');
	const what = codeWords(rest.join(' '));
	return what ? `${capitalise(codeWords(subject ?? ''))}: ${what}` : capitalise(codeWords(subject ?? ''));
}

export function auditActionLabel(action: string): string {
	return AUDIT_ACTION_LABELS[action] ?? fallbackAction(action);
}

/** The reader's name of a detail key: the table's, else its words split ("bewaartermijnJaren"). */
function detailLabel(key: string): string | null {
	if (key in AUDIT_DETAIL_LABELS) return AUDIT_DETAIL_LABELS[key]!;
	return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function detailValue(key: string, value: unknown): string | null {
	if (key === 'fields' && Array.isArray(value)) return dutchList([...new Set(value.map((v) => fieldLabel(String(v))))]);
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const inner = Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => {
				const label = detailLabel(k);
				const text = valueText(v, k);
				return label && text !== null ? `${label} ${text}` : null;
			})
			.filter((s): s is string => s !== null);
		return inner.length > 0 ? inner.join(', ') : null;
	}
	return valueText(value, key);
}

/** The usual "from → to" changes as one phrase: "van GRIP 1 naar GRIP 2", "van actief naar gesloten". */
function fromTo(details: Record<string, unknown>): string | null {
	if (!('from' in details) || !('to' in details)) return null;
	const prefix = typeof details.to === 'number' ? 'GRIP ' : '';
	const from = details.from === null || details.from === undefined ? null : detailValue('from', details.from);
	const to = detailValue('to', details.to);
	return from ? `Van ${prefix}${from} naar ${prefix}${to}.` : `Naar ${prefix}${to}.`;
}

export function auditWording(entry: { action: string; details: unknown }): AuditWording {
	const details = entry.details !== null && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : {};
	const sentences: string[] = [];
	const change = fromTo(details);
	if (change) sentences.push(change);
	for (const [key, value] of Object.entries(details)) {
		if (change && (key === 'from' || key === 'to')) continue;
		if (value === undefined) continue;
		const label = detailLabel(key);
		if (label === null) continue;
		const text = detailValue(key, value);
		if (text === null) continue;
		sentences.push(`${capitalise(label)}: ${text}.`.replace(/([.!?])\.$/, '$1'));
	}
	return { action: auditActionLabel(entry.action), details: sentences.join(' '), exercise: details.exercise === true };
}
