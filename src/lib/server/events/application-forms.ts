// Form posts carry text; this turns an application form into the API's input (times typed in
// Europe/Amsterdam, Dutch decimal commas, checkboxes) and validates with the API's own schemas.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { ServiceError } from '../errors';
import { zodFieldErrors } from '../http/api';
import { fromLocalInput, toLocalInput } from '../../domain/events/event-time';
import type { ApplicationDto } from './application-queries';

export const TEXT_FIELDS = [
	'organiserName',
	'organiserOrganisation',
	'organiserKvk',
	'organiserEmail',
	'organiserPhone',
	'name',
	'description',
	'eventType',
	'address',
	'alcohol',
	'site',
	'musicFrom',
	'musicUntil',
	'municipality'
] as const;
export const NUMBER_FIELDS = ['lat', 'lon', 'totalVisitors', 'peakVisitors', 'areaM2'] as const;
export const TIME_FIELDS = ['startsAt', 'endsAt'] as const;
export const BOOLEAN_FIELDS = [
	'isNewEvent',
	'drugsExpected',
	'rivalGroups',
	'indoor',
	'enclosed',
	'roadClosures',
	'poorAccess',
	'nearHazard',
	'oneStreet',
	'emergencyLaneFree',
	'preannounced'
] as const;
export const LIST_FIELDS = ['audience', 'activities'] as const;

/** What the form showed, to fill it in again after a refusal: strings, lists joined by commas. */
export type FormValues = Record<string, string>;

export function formValuesOf(form: FormData): FormValues {
	const values: FormValues = {};
	for (const name of [...TEXT_FIELDS, ...NUMBER_FIELDS, ...TIME_FIELDS, 'version']) values[name] = String(form.get(name) ?? '');
	for (const name of BOOLEAN_FIELDS) values[name] = form.get(name) === 'ja' ? 'ja' : '';
	for (const name of LIST_FIELDS) values[name] = form.getAll(name).map(String).join(',');
	return values;
}

/** The form's values as a page shows them for an existing application. */
export function formValuesFromDto(dto: ApplicationDto): FormValues {
	const values: FormValues = { version: String(dto.version) };
	for (const name of TEXT_FIELDS) values[name] = name === 'municipality' ? dto.municipality : String(dto[name] ?? '');
	for (const name of NUMBER_FIELDS) values[name] = dto[name] === null ? '' : String(dto[name]).replace('.', ',');
	for (const name of TIME_FIELDS) values[name] = toLocalInput(dto[name]);
	for (const name of BOOLEAN_FIELDS) values[name] = dto[name] ? 'ja' : '';
	for (const name of LIST_FIELDS) values[name] = dto[name].join(',');
	return values;
}

function formNumber(value: string): number | string | null {
	const text = value.trim();
	if (text === '') return null;
	const n = Number(text.replace(/\s|\./g, '').replace(',', '.'));
	return Number.isFinite(n) ? n : text;
}

/** Form values → API body, plus field errors for times that cannot be read. */
function toBody(values: FormValues): { body: Record<string, unknown>; fields: Record<string, string> } {
	const body: Record<string, unknown> = {};
	const fields: Record<string, string> = {};
	for (const name of TEXT_FIELDS) body[name] = values[name];
	for (const name of NUMBER_FIELDS) body[name] = formNumber(values[name] ?? '');
	// Lat/lon use a point, not a thousands separator.
	for (const name of ['lat', 'lon'] as const) {
		const text = (values[name] ?? '').trim().replace(',', '.');
		body[name] = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;
	}
	if (body.peakVisitors === null) body.peakVisitors = 0;
	for (const name of TIME_FIELDS) {
		const label = name === 'startsAt' ? 'het begin' : 'het einde';
		const converted = fromLocalInput(values[name] ?? '');
		if (converted.ok) body[name] = converted.iso;
		else if (converted.reason === 'nonexistent') fields[name] = `Dit tijdstip bestaat niet: om 02:00 gaat de klok naar zomertijd. Kies een ander tijdstip voor ${label}.`;
		else fields[name] = `Vul datum en tijd in voor ${label}.`;
	}
	for (const name of BOOLEAN_FIELDS) body[name] = values[name] === 'ja';
	for (const name of LIST_FIELDS) body[name] = (values[name] ?? '').split(',').filter(Boolean);
	if (values.version) body.version = Number(values.version);
	return { body, fields };
}

export type ParsedForm<T> = { ok: true; input: T } | { ok: false; fields: Record<string, string> };

export function parseApplicationForm<S extends z.ZodType>(values: FormValues, schema: S, omit: string[] = []): ParsedForm<z.output<S>> {
	const { body, fields } = toBody(values);
	for (const name of omit) delete body[name];
	const parsed = schema.safeParse(body);
	const errors: Record<string, string> = { ...fields };
	// A time that could not be read keeps its own message; the schema names the rest.
	if (!parsed.success) for (const f of zodFieldErrors(parsed.error)) errors[f.field] ??= f.message;
	if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, fields: errors };
	return { ok: true, input: parsed.data };
}

/** A refused form: status, message, every field's message and the values typed. */
export function formFailure(form: string, status: number, message: string, fields: Record<string, string>, values: FormValues, extra: Record<string, unknown> = {}) {
	return fail(status, { form, message, fields, values, ...extra });
}

/** Runs a service for a parsed form; a ServiceError becomes a refusal with its field messages. */
export async function runService<R>(form: string, values: FormValues, run: () => Promise<R>) {
	try {
		return { ok: true as const, result: await run() };
	} catch (err) {
		if (err instanceof ServiceError) {
			const fields = Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message]));
			return { ok: false as const, failure: formFailure(form, err.status, err.message, fields, values, 'current' in err.extra ? { current: err.extra.current } : {}) };
		}
		throw err;
	}
}
