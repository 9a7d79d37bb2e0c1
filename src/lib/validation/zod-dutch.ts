// zod speaks Dutch: its own Dutch locale, plus clearer wording where the locale's is technical
// ("verwacht object, ontving null"). Loaded by the schema helpers, so every process that
// validates anything (the SvelteKit bundle, the framework-free runtime, tests) configures it
// before its first parse. zod keeps this configuration on globalThis: once per process suffices.
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
	string: 'tekst',
	number: 'een getal',
	int: 'een geheel getal',
	boolean: 'waar of onwaar (true of false)',
	array: 'een lijst',
	object: 'een object',
	date: 'een datum',
	bigint: 'een geheel getal',
	null: 'leeg (null)'
};

const FORMAT_NAMES: Record<string, string> = {
	email: 'geldig e-mailadres',
	uuid: 'geldig id (UUID)',
	guid: 'geldig id (UUID)',
	datetime: 'ISO 8601-tijdstip met tijdzone',
	date: 'geldige datum (JJJJ-MM-DD)',
	time: 'geldige tijd (UU:MM)',
	url: 'geldig webadres'
};

function listOf(values: readonly unknown[]): string {
	return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** Clearer Dutch for the common refusals; undefined hands the issue to zod's Dutch locale. */
export function clearDutchMessage(issue: Issue): string | undefined {
	switch (issue.code) {
		case 'invalid_type': {
			if (issue.input === undefined) return 'Dit veld is verplicht.';
			if (issue.expected === 'object' && (issue.path ?? []).length === 0) return 'De invoer moet een JSON-object zijn.';
			const expected = TYPE_NAMES[issue.expected];
			return expected ? `Dit veld moet ${expected} zijn.` : 'Deze waarde heeft niet het juiste soort.';
		}
		case 'too_big': {
			const max = String(issue.maximum);
			if (issue.origin === 'string') return `Deze tekst mag hoogstens ${max} tekens hebben.`;
			if (issue.origin === 'array' || issue.origin === 'set') return `Deze lijst mag hoogstens ${max} waarden hebben.`;
			if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `Dit getal mag hoogstens ${max} zijn.`;
			return undefined;
		}
		case 'too_small': {
			const min = String(issue.minimum);
			if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Dit veld mag niet leeg zijn.' : `Deze tekst moet minstens ${min} tekens hebben.`;
			if (issue.origin === 'array' || issue.origin === 'set') return `Deze lijst moet minstens ${min} waarden hebben.`;
			if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `Dit getal moet minstens ${min} zijn.`;
			return undefined;
		}
		case 'invalid_value':
			return issue.values.length === 1 ? `Deze waarde moet ${listOf(issue.values)} zijn.` : `Kies een van: ${listOf(issue.values)}.`;
		case 'invalid_format': {
			const format = FORMAT_NAMES[issue.format];
			return format ? `Dit is geen ${format}.` : 'Deze tekst heeft niet de juiste vorm.';
		}
		case 'not_multiple_of':
			return issue.divisor === 1 ? 'Dit veld moet een geheel getal zijn.' : `Dit getal moet een veelvoud van ${String(issue.divisor)} zijn.`;
		case 'unrecognized_keys':
			return `Onbekend veld: ${issue.keys.join(', ')}.`;
		case 'invalid_key':
		case 'invalid_element':
		case 'invalid_union':
			return 'Deze waarde is niet geldig.';
		default:
			return undefined;
	}
}

z.config(z.locales.nl());
z.config({ customError: clearDutchMessage });

export { z };
