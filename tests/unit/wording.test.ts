// The Dutch wording of stored codes: audit log rows, task changes and conflicts read as Dutch
// sentences, and every action and detail key the services write has its Dutch words.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_DETAIL_LABELS, auditActionLabel, auditWording } from '../../src/lib/domain/wording/audit.ts';
import { conflictSentence, taskChangePhrase } from '../../src/lib/domain/wording/changes.ts';
import { FIELD_LABELS, dutchList, fieldList } from '../../src/lib/domain/wording/fields.ts';
import { valueText } from '../../src/lib/domain/wording/values.ts';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
	});
}
const SOURCES = sourceFiles('src/lib/server').map((f) => readFileSync(f, 'utf8'));

/** English (or any) key that would show through: camelCase, snake_case or a known English word. */
const CODE_LIKE = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b|\b(?:applicationId|incidentId|fields|version|category|discipline|reason)\b/;

/** Words of the Dutch action codes migration 0019 renamed: none may come back. */
const DUTCH_CODE_WORD = /(^|[._])(sessie|gebruiker|rol|bericht|oefening|taak|taken|taakkaart|logregel|beeld|tijdlijn|eenheid|verzoek|inzet|evenement|aanvraag|advies|kalender|dossier|toegang|ge[a-z]+[dt]|[a-z]*ingediend|toegevoegd|ingetrokken|vastgelegd)([._]|$)/;

/** Every audit action code the services write: literal, chosen by a ternary, or built from a Bibob step. */
function auditActionsWritten(): Set<string> {
	const actions = new Set<string>();
	const code = "'([a-z_]+(?:\\.[a-z_]+)+)'";
	for (const s of SOURCES) {
		// (not a type such as `action: 'bibob.read' | 'bibob.write'`, which names permissions)
		for (const m of s.matchAll(new RegExp(`action: ${code}(?! \\|)`, 'g'))) actions.add(m[1]!);
		for (const m of s.matchAll(new RegExp(`${code} : ${code}`, 'g'))) actions.add(m[1]!).add(m[2]!);
		// Actions handed to a helper that writes the audit row (finishCreate(trx, …, 'application.created', …)).
		for (const m of s.matchAll(new RegExp(`finishCreate\\([^)]*?${code}`, 'g'))) actions.add(m[1]!);
		if (s.includes('action: `bibob.file.${options.audit}`')) for (const m of s.matchAll(/audit: '([a-z_]+)'/g)) actions.add(`bibob.file.${m[1]!}`);
	}
	return actions;
}

describe('audit log in Dutch', () => {
	it('names every action code a service writes', () => {
		const actions = auditActionsWritten();
		expect(actions.size).toBeGreaterThan(60);
		const missing = [...actions].filter((a) => !(a in AUDIT_ACTION_LABELS));
		expect(missing).toEqual([]);
	});

	it('stores action codes in the event types\' vocabulary (English, dotted), never the old Dutch codes', () => {
		const codes = [...auditActionsWritten(), ...Object.keys(AUDIT_ACTION_LABELS)];
		expect(codes.filter((code) => !/^[a-z_]+(\.[a-z_]+)+$/.test(code))).toEqual([]);
		expect(codes.filter((code) => DUTCH_CODE_WORD.test(code))).toEqual([]);
		// Where a change has a realtime event type, its audit action is that same name.
		for (const shared of ['task.created', 'task.updated', 'task.note', 'incident.created', 'notice.created', 'notice.read', 'notice.withdrawn', 'log.created', 'log.verified', 'picture.updated', 'sitrap.published', 'inject.created', 'inject.deleted', 'inject.delivered', 'advice.requested', 'advice.answered', 'advice.withdrawn', 'bluswater.unit.created', 'bluswater.unit.updated', 'bluswater.request.created', 'bluswater.request.updated', 'bluswater.request.ended', 'bluswater.assignment.created', 'bluswater.assignment.ended', 'bibob.file.opened', 'bibob.file.destroyed', 'bibob.settings.changed']) {
			expect(codes, shared).toContain(shared);
		}
	});

	it('has a Dutch name (or a deliberate silence) for every detail key a service writes', () => {
		const keys = new Set<string>();
		for (const s of SOURCES) {
			for (const m of s.matchAll(/details: \{([^{}]*)\}/g)) {
				for (const k of m[1]!.matchAll(/(?:^|[,{]\s*)([a-zA-Z]+)(?=\s*[:,}]|\s*$)/g)) keys.add(k[1]!);
			}
		}
		expect(keys.size).toBeGreaterThan(30);
		const missing = [...keys].filter((k) => !(k in AUDIT_DETAIL_LABELS) && /[A-Z]|^[a-z]+$/.test(k) && !['input', 'values', 'changes', 'details'].includes(k));
		expect(missing).toEqual([]);
	});

	it('writes the demo rows as sentences without codes or ids', () => {
		const rows = [
			{ action: 'incident.grip_changed', details: { to: 2, from: 1, reason: 'Rookpluim trekt over Zandvoort.' } },
			{ action: 'task.updated', details: { fields: ['status', 'description', 'municipalityCode', 'assigneeId'], version: 2 } },
			{
				action: 'advice.requested',
				details: { dueDate: '2026-09-07', category: 'B', reference: 'BVW-2026-0001', voluntary: false, discipline: 'joint', applicationId: 'a0ffcd36-adfe-4ae4-8067-9ccbd468fc53' }
			},
			{ action: 'advice.answered', details: { answeredAs: 'ghor', conclusion: 'positief_met_voorwaarden', conditions: 4 } },
			{ action: 'incident.created', details: { grip: 1, kind: 'oefening', municipalities: ['bloemendaal', 'zandvoort'] } },
			{ action: 'advice_settings.updated', details: { from: { termDaysB: 21, termDaysC: 28 }, to: { termDaysB: 14, termDaysC: 28 } } },
			{ action: 'bluswater.unit.status_changed', details: { unit: 'WTW 12-4', from: 'beschikbaar', to: 'ter_plaatse', litresLeft: 17000, incidentId: null } }
		];
		const texts = rows.map((r) => auditWording(r));
		expect(texts.map((t) => t.action)).toEqual([
			'GRIP gewijzigd',
			'Taak gewijzigd',
			'Advies gevraagd',
			'Advies uitgebracht',
			'Incident aangemaakt',
			'Adviestermijnen gewijzigd',
			'Status eenheid gewijzigd'
		]);
		expect(texts[0]!.details).toBe('Van GRIP 1 naar GRIP 2. Reden: Rookpluim trekt over Zandvoort.');
		expect(texts[1]!.details).toBe('Gewijzigd: status, omschrijving, gemeente en uitvoerder. Versie: 2.');
		expect(texts[2]!.details).toBe('Termijn tot: 7 september 2026. Klasse: B. Kenmerk: BVW-2026-0001. Vrijwillig: nee. Discipline: gezamenlijk.');
		expect(texts[3]!.details).toBe('Namens: GHOR. Conclusie: positief met voorwaarden. Voorschriften: 4.');
		expect(texts[4]!.details).toBe('GRIP: 1. Soort: oefening. Gemeenten: Bloemendaal, Zandvoort.');
		expect(texts[5]!.details).toBe('Van termijn klasse B (dagen) 21, termijn klasse C (dagen) 28 naar termijn klasse B (dagen) 14, termijn klasse C (dagen) 28.');
		expect(texts[6]!.details).toBe('Van beschikbaar naar ter plaatse. Eenheid: WTW 12-4. Liters over: 17.000.');
		for (const t of texts) {
			expect(t.details).not.toMatch(CODE_LIKE);
			expect(t.details).not.toMatch(/[{}"]/);
			expect(t.details).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
		}
	});

	it('marks exercise rows and words an action nobody labelled yet', () => {
		expect(auditWording({ action: 'inject.delivered', details: { incidentId: 'a0ffcd36-adfe-4ae4-8067-9ccbd468fc53', number: 4, exercise: true } })).toEqual({
			action: 'Inject afgeleverd',
			details: 'Logregel: 4.',
			exercise: true
		});
		expect(auditActionLabel('bibob.file.party_added')).toBe('Bibob: betrokkene toegevoegd');
		expect(auditWording({ action: 'session.created', details: {} }).details).toBe('');
		expect(auditWording({ action: 'x.y', details: null }).details).toBe('');
	});
});

describe('changes and conflicts in Dutch', () => {
	it('describes a task change without field codes', () => {
		expect(taskChangePhrase({ status: 'in_uitvoering' })).toBe('status naar in uitvoering');
		expect(taskChangePhrase({ description: 'x', municipality: 'haarlem', blockedReason: 'Geen bus', version: 3 })).toBe('geblokkeerd (Geen bus); gewijzigd: omschrijving en gemeente');
		expect(taskChangePhrase({ assigneeId: null, blockedReason: null, process: 'publieke_zorg' })).toBe('toewijzing vervallen; blokkade opgeheven; naar proces publieke zorg');
		expect(taskChangePhrase({ dueAt: '2026-12-07T10:00:00Z', bulk: true })).toBe('gewijzigd: deadline');
	});

	it('names who changed what and when', () => {
		expect(conflictSentence({ title: 'Opvang regelen', by: 'Anna de Vries', at: '2026-12-07T09:42:00Z', fields: ['status', 'uitvoerder'] })).toBe(
			'Anna de Vries heeft «Opvang regelen» om 7-12-2026 10:42 gewijzigd: status en uitvoerder.'
		);
		expect(conflictSentence({ title: 'T', by: null, at: '2026-07-01T12:00:00Z', fields: [] })).toBe('Iemand anders heeft «T» om 1-7-2026 14:00 gewijzigd (geen zichtbare velden).');
	});

	it('lists and labels fields the Dutch way', () => {
		expect(dutchList(['a'])).toBe('a');
		expect(dutchList(['a', 'b', 'c'])).toBe('a, b en c');
		expect(fieldList(['municipality', 'municipalityCode', 'dueAt'])).toBe('gemeente en deadline');
		expect(fieldList(['somethingNew'])).toBe('ander gegeven');
		for (const label of Object.values(FIELD_LABELS)) expect(label).not.toMatch(/^[a-z]+[A-Z]|_/);
		expect(valueText('a0ffcd36-adfe-4ae4-8067-9ccbd468fc53')).toBeNull();
		expect(valueText(true)).toBe('ja');
		expect(valueText('in_behandeling')).toBe('in behandeling');
		expect(valueText('Vrije tekst met_streep blijft')).toBe('Vrije tekst met_streep blijft');
	});
});
