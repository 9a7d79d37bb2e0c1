// The multipart body of POST /api/v1/events/import (and the import page's form): `file`,
// `municipality`, optional `dryRun=1` and an optional `mapping` (JSON: field → column header).
// Oversized bodies and other content types are refused before the body is read.
import { ServiceError, invalid, type FieldError } from '../errors.ts';
import { importDryRunInput, importMappingInput, importMunicipalityInput } from '../../contracts/event-import.ts';
import type { ColumnMapping } from '../../domain/events/import-columns.ts';
import { EMPTY_FILE, MAX_IMPORT_BYTES, type ImportRequest } from './event-import-check.ts';

// Multipart framing and the small fields on top of the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;
const TOO_LARGE = `Het bestand is te groot (hoogstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Splits de lijst in delen; wat al is geïmporteerd, wordt overgeslagen.`;

export interface ImportForm extends ImportRequest {
	dryRun: boolean;
}

function firstMessage(error: { issues: { message: string }[] }, fallback: string): string {
	return error.issues[0]?.message ?? fallback;
}

function mappingOf(value: FormDataEntryValue | null, fields: FieldError[]): ColumnMapping | undefined {
	if (value === null || value === '') return undefined;
	let json: unknown;
	try {
		json = JSON.parse(String(value));
	} catch {
		fields.push({ field: 'mapping', message: 'De koppeling (mapping) is geen geldige JSON.' });
		return undefined;
	}
	const parsed = importMappingInput.safeParse(json);
	if (!parsed.success) fields.push({ field: 'mapping', message: firstMessage(parsed.error, 'De koppeling (mapping) is niet geldig.') });
	return parsed.success ? parsed.data : undefined;
}

/** The form's fields, every wrong one named; the mapping may also come as `map.<field>` fields (the page). */
export async function importFromForm(form: FormData): Promise<ImportForm> {
	const fields: FieldError[] = [];
	const municipality = importMunicipalityInput.safeParse(form.get('municipality') ?? undefined);
	if (!municipality.success) fields.push({ field: 'municipality', message: firstMessage(municipality.error, 'Kies de gemeente.') });
	const dryRun = importDryRunInput.safeParse(String(form.get('dryRun') ?? ''));
	if (!dryRun.success) fields.push({ field: 'dryRun', message: firstMessage(dryRun.error, 'dryRun is 1 of weglaten.') });
	let mapping = mappingOf(form.get('mapping'), fields);
	const chosen: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (name.startsWith('map.') && typeof value === 'string') chosen[name.slice(4)] = value;
	if (Object.keys(chosen).length > 0) {
		const parsed = importMappingInput.safeParse(chosen);
		if (parsed.success) mapping = { ...mapping, ...parsed.data };
		else fields.push({ field: 'mapping', message: firstMessage(parsed.error, 'De koppeling is niet geldig.') });
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) fields.push({ field: 'file', message: EMPTY_FILE });
	else if (file.size > MAX_IMPORT_BYTES) throw new ServiceError(413, 'file_too_large', TOO_LARGE, [{ field: 'file', message: TOO_LARGE }]);
	if (fields.length > 0 || !(file instanceof File) || !municipality.success || !dryRun.success) throw invalid(fields, fields.map((f) => f.message).join(' '));
	return { municipality: municipality.data, dryRun: dryRun.data, mapping, file: { name: file.name || 'lijst', content: new Uint8Array(await file.arrayBuffer()) } };
}

export async function readImportRequest(request: Request): Promise<ImportForm> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data')) {
		throw new ServiceError(415, 'unsupported_media_type', 'Stuur de lijst als multipart/form-data met de velden file en municipality (en eventueel dryRun=1).');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_IMPORT_BYTES + MULTIPART_OVERHEAD) throw new ServiceError(413, 'file_too_large', TOO_LARGE, [{ field: 'file', message: TOO_LARGE }]);
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new ServiceError(400, 'invalid_body', 'Het formulier kon niet worden gelezen.');
	}
	return importFromForm(form);
}
