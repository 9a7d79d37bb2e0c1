// The audit log in words: what was done ("GRIP gewijzigd") and its details as a Dutch sentence
// ("Van GRIP 1 naar GRIP 2. Reden: …"), from the stored action code and JSON details.
import { dutchList, fieldLabel } from './fields.ts';
import { codeWords, valueText } from './values.ts';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
	'sessie.ingelogd': 'Ingelogd',
	'sessie.uitgelogd': 'Uitgelogd',
	'sessie.inloggen_mislukt': 'Inloggen mislukt',
	'sessie.tweede_factor_ingesteld': 'Tweede factor ingesteld',
	'sessie.tweede_factor_mislukt': 'Tweede factor mislukt',
	'gebruiker.aangemaakt': 'Gebruiker aangemaakt',
	'gebruiker.geactiveerd': 'Gebruiker geactiveerd',
	'gebruiker.geblokkeerd': 'Gebruiker geblokkeerd',
	'rol.toegekend': 'Rol toegekend',
	'rol.ingetrokken': 'Rol ingetrokken',
	'rol.bevestigd': 'Rol bevestigd door een tweede beheerder',
	'bericht.geplaatst': 'Regionaal bericht geplaatst',
	'bericht.gelezen': 'Regionaal bericht als gelezen gemarkeerd',
	'bericht.ingetrokken': 'Regionaal bericht ingetrokken',
	'veiligheidsplan.actie_status': 'Status van een actie van het veiligheidsplan gewijzigd',
	'veiligheidsplan.bijgesteld': 'Veiligheidsplan bijgesteld',
	'veiligheidsplan.cijfers_geimporteerd': 'Cijfers geïmporteerd in het veiligheidsplan',
	'incident.aangemaakt': 'Incident aangemaakt',
	'incident.grip_gewijzigd': 'GRIP gewijzigd',
	'incident.status_gewijzigd': 'Status incident gewijzigd',
	'oefening.gearchiveerd': 'Oefening gearchiveerd',
	'bevolkingszorg.geactiveerd': 'Bevolkingszorg geactiveerd',
	'taak.aangemaakt': 'Taak aangemaakt',
	'taak.gewijzigd': 'Taak gewijzigd',
	'taak.notitie': 'Notitie bij taak',
	'taken.toegewezen': 'Taken toegewezen',
	'taakkaart.toegevoegd': 'Standaardtaak toegevoegd',
	'taakkaart.gewijzigd': 'Standaardtaak gewijzigd',
	'logregel.toegevoegd': 'Logregel toegevoegd',
	'logregel.gecorrigeerd': 'Logregel gecorrigeerd',
	'logregel.geverifieerd': 'Logregel geverifieerd',
	'beeld.gewijzigd': 'Beeld bijgewerkt',
	'sitrap.gepubliceerd': 'SITRAP vastgesteld',
	'inject.aangemaakt': 'Inject gepland',
	'inject.verwijderd': 'Inject verwijderd',
	'inject.afgeleverd': 'Inject afgeleverd',
	'tijdlijn.geexporteerd': 'Evaluatietijdlijn geëxporteerd',
	'bluswater.eenheid_toegevoegd': 'Eenheid toegevoegd',
	'bluswater.eenheid_gewijzigd': 'Eenheid gewijzigd',
	'bluswater.status_gewijzigd': 'Status eenheid gewijzigd',
	'bluswater.eenheid_ingezet': 'Eenheid ingezet',
	'bluswater.inzet_beeindigd': 'Inzet beëindigd',
	'bluswater.verzoek_aangemaakt': 'Waterverzoek gedaan',
	'bluswater.verzoek_gewijzigd': 'Waterverzoek gewijzigd',
	'bluswater.verzoek_beeindigd': 'Waterverzoek beëindigd',
	'evenement.aanvraag_ingediend': 'Aanvraag ingediend',
	'evenement.aanvraag_gewijzigd': 'Aanvraag gewijzigd',
	'evenement.aanvraag_status': 'Status aanvraag gewijzigd',
	'evenement.status_gewijzigd': 'Status aanvraag gewijzigd',
	'evenement.klasse_aangepast': 'Klasse aangepast',
	'evenement.besluit': 'Besluit genomen',
	'evenement.document_toegevoegd': 'Document toegevoegd',
	'evenement.instellingen_gewijzigd': 'Instellingen evenementen gewijzigd',
	'evenement.risicoscanmodel_opgeslagen': 'Risicoscanmodel opgeslagen',
	'advies.gevraagd': 'Advies gevraagd',
	'advies.uitgebracht': 'Advies uitgebracht',
	'advies.ingetrokken': 'Adviesaanvraag ingetrokken',
	'advies.termijnen_gewijzigd': 'Adviestermijnen gewijzigd',
	'kalender.feedsleutel_gemaakt': 'Agendalink gemaakt',
	'kalender.feedsleutel_ingetrokken': 'Agendalink ingetrokken',
	'bibob.read': 'Bibob-dossier ingezien',
	'bibob.toegang_geweigerd': 'Toegang tot Bibob-dossier geweigerd',
	'bibob.dossier_geopend': 'Bibob-dossier geopend',
	'bibob.dossier_vernietigd': 'Bibob-dossier vernietigd',
	'bibob.instellingen_gewijzigd': 'Bibob-instellingen gewijzigd'
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
	from: 'van',
	to: 'naar',
	municipalities: 'gemeenten',
	municipality: 'gemeente',
	tasks: 'taken',
	process: 'proces',
	title: 'titel',
	version: 'versie',
	rijen: 'rijen',
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
	termDaysC: 'termijn klasse C (dagen)'
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

/** An action code nobody labelled yet: its Dutch words, "bibob.betrokkene_toegevoegd" → "Bibob: betrokkene toegevoegd". */
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
