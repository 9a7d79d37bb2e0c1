// The policy in words: role × action with the conditions, for docs/permissions.md and the beheer
// page /beheer/rechten. Both are generated from policy.ts, so they cannot drift from what the
// server enforces (a unit test fails when docs/permissions.md is stale).
import { POLICY, SECOND_FACTOR_ROLES, FOUR_EYES_ROLES, type Action, type Rule } from './policy.ts';
import { ROLES, ROLE_LABELS, type Role } from './roles.ts';

export interface OverviewRow {
	action: Action;
	label: string;
	/** Per role: '' when not allowed, else the conditions in words ('ja' when there are none). */
	cells: Record<Role, string>;
}

function conditionWords(rule: Rule): string {
	const words: string[] = [];
	if (rule.exerciseOnly) words.push('alleen in oefeningen');
	if (rule.regionalOnly) words.push('alleen met een regionale rol');
	if (rule.exactMunicipality) words.push('alleen dossiers van de eigen gemeente');
	if (rule.ownDiscipline) words.push('alleen voor de eigen discipline');
	return words.length === 0 ? 'ja' : words.join(', ');
}

function cell(action: Action, role: Role): string {
	const allow = POLICY[action].allow;
	if (allow === 'everyone') return 'ja';
	if (allow === 'anyInScope') return 'ja, binnen de eigen gemeente';
	const rules = (allow as readonly Rule[]).filter((r) => r.roles.includes(role));
	if (rules.length === 0) return '';
	// The least restrictive rule wins: a rule without conditions makes the role allowed outright.
	const words = rules.map(conditionWords);
	return words.includes('ja') ? 'ja' : words.join('; of ');
}

export function policyOverview(): OverviewRow[] {
	return (Object.keys(POLICY) as Action[]).map((action) => ({
		action,
		label: POLICY[action].label,
		cells: Object.fromEntries(ROLES.map((role) => [role, cell(action, role)])) as Record<Role, string>
	}));
}

export const OVERVIEW_NOTES = [
	'Een rol geldt voor één gemeente of voor de hele regio. Een gemeentelijke rol werkt op gegevens van de eigen gemeente; een regionale rol op die van alle negen gemeenten.',
	'Incidenten, het beeld, het logboek, de taken, bluswater en de kaart zijn regionaal werk: wie ze mag lezen, leest ze voor de hele regio, welke gemeente de rol ook heeft.',
	`Rollen die pas gelden na inloggen met een tweede factor: ${SECOND_FACTOR_ROLES.map((r) => ROLE_LABELS[r]).join(', ')}.`,
	`Rollen die pas gelden als een tweede beheerder de toekenning bevestigt (vier ogen): ${FOUR_EYES_ROLES.map((r) => ROLE_LABELS[r]).join(', ')}.`,
	'Niemand kent zichzelf rollen toe; een beheerder kent alleen rollen toe binnen de eigen gemeente (een regionale beheerder overal). Elke toekenning, bevestiging en intrekking staat in het auditlog.',
	'Bibob: alleen Bibob-functionarissen met een rol voor precies de gemeente van het dossier; een regionale Bibob-rol opent geen gemeentelijk dossier. Wie geen toegang heeft, hoort dat het dossier niet bestaat (404).',
	'Adviseurs lezen de aanvraag, de risicoscan en de documenten van elke adviesaanvraag aan hun discipline en gemeente, ook na het antwoorden (dan alleen lezen); nooit het Bibob-deel.'
];

const escape = (text: string) => text.replace(/\|/g, '\\|');

/** docs/permissions.md, generated. */
export function permissionsMarkdown(): string {
	const rows = policyOverview();
	const header = `| Handeling | ${ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} |`;
	const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
	const body = rows.map((r) => `| ${escape(r.label)} (\`${r.action}\`) | ${ROLES.map((role) => escape(r.cells[role]) || '—').join(' | ')} |`);
	return [
		'# Permissions',
		'',
		'<!-- Generated from src/lib/server/auth/policy.ts by `node src/lib/server/auth/policy-doc-cli.ts --write`; do not edit by hand. -->',
		'',
		'Who may do what in Paraat, generated from the policy the server enforces (`src/lib/server/auth/policy.ts`).',
		'The same table is shown to beheerders on `/beheer/rechten`. Cells say when a role is allowed; — means never.',
		'',
		'## Voorwaarden',
		'',
		...OVERVIEW_NOTES.map((n) => `- ${n}`),
		'',
		'## Rollen × handelingen',
		'',
		header,
		rule,
		...body,
		''
	].join('\n');
}
