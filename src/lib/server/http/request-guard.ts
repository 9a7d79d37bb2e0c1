// Input checks that hold for every route and form action at once, run by the request hook
// before any route: query strings and form bodies PostgreSQL cannot store, and form bodies that
// cannot be read at all (a broken multipart body would otherwise fail inside each action as a 500).
import { unstorablePath, UNSTORABLE_TEXT_MESSAGE } from '../../validation/storable.ts';
import { isCrossSiteFormPost } from './origin';

export interface Refusal {
	status: number;
	code: string;
	message: string;
	field?: string;
}

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

export function refuseCrossSiteForm(request: Request, url: URL): Refusal | null {
	if (!isCrossSiteFormPost(request, url)) return null;
	return { status: 403, code: 'foreign_origin', message: 'Formulieren van een andere website worden geweigerd. Verstuur het formulier vanaf Paraat zelf.' };
}

export function refuseQuery(url: URL): Refusal | null {
	const query: Record<string, string[]> = {};
	for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
	const field = unstorablePath(query);
	if (!field) return null;
	const name = field.replace(/\.\d+$/, '');
	return { status: 400, code: 'validation_failed', message: `De zoekparameter ${name} bevat een teken dat niet kan worden opgeslagen (een NUL-teken of een losse UTF-16-surrogaat).`, field: name };
}

function isFormBody(request: Request): boolean {
	if (request.method === 'GET' || request.method === 'HEAD') return false;
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	return FORM_TYPES.some((t) => type.startsWith(t));
}

/** Reads a form body once (on a copy, so the action can still read it) and refuses what it cannot use. */
export async function refuseFormBody(request: Request): Promise<Refusal | null> {
	if (!isFormBody(request)) return null;
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		return { status: 400, code: 'invalid_body', message: 'Het formulier kon niet worden gelezen (de gegevens zijn beschadigd of onvolledig). Laad de pagina opnieuw en probeer het nog eens.' };
	}
	for (const [name, value] of form) {
		const text = typeof value === 'string' ? value : value.name;
		const field = unstorablePath({ [name]: text });
		if (field) return { status: 400, code: 'validation_failed', message: `Veld ${field}: ${UNSTORABLE_TEXT_MESSAGE}`, field };
	}
	return null;
}
