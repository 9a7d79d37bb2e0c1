import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { scopesFor } from '$lib/server/auth/permissions';
import type { SessionUser } from '$lib/server/auth/roles';
import { ServiceError } from '$lib/server/errors';
import { importFromForm } from '$lib/server/events/event-import-upload';
import type { ImportReport } from '$lib/server/events/event-import-service';
import { KENNEMERLAND } from '$lib/domain/region';

/** A page shows at most this many refused rows; the count says how many there are. */
const ERRORS_SHOWN = 500;

function writableMunicipalities(user: SessionUser) {
	const scopes = scopesFor(user, 'event.write');
	return KENNEMERLAND.filter((m) => scopes === null || scopes.includes(m.code)).map((m) => ({ code: m.code, name: m.name }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'event.write');
	const seq = await locals.services.realtime.currentSeq(`user:${user.id}`);
	return { municipalities: writableMunicipalities(user), userId: user.id, seq };
};

/** What the page needs of a report: the errors capped, the rest as it is. */
function shown(report: ImportReport, municipality: string, fileName: string) {
	return { ...report, errors: report.errors.slice(0, ERRORS_SHOWN), errorCount: report.errors.length, municipality, fileName };
}

function refusal(err: unknown, values: Record<string, string>) {
	if (!(err instanceof ServiceError)) throw err;
	const fields: Record<string, string> = Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message]));
	return fail(err.status, { message: err.message, fields, values });
}

async function readForm(request: Request) {
	const form = await request.formData();
	const values = { municipality: String(form.get('municipality') ?? '') };
	return { form, values };
}

export const actions: Actions = {
	/** Reads the list and shows the columns, the first rows and every refused row; writes nothing. */
	controleren: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.write');
		const { form, values } = await readForm(request);
		try {
			const { dryRun: _dryRun, ...input } = await importFromForm(form);
			const report = await locals.services.events.previewEventList(user, input);
			return { stage: 'preview' as const, report: shown(report, input.municipality, input.file.name), values };
		} catch (err) {
			return refusal(err, values);
		}
	},
	/** Imports the valid rows (the mapping as chosen is remembered for the municipality). */
	importeren: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.write');
		const { form, values } = await readForm(request);
		try {
			const { dryRun: _dryRun, ...input } = await importFromForm(form);
			const preview = await locals.services.events.previewEventList(user, input);
			if (preview.missing.length > 0) {
				return fail(422, { message: 'Koppel eerst de verplichte kolommen (naam en datum).', fields: {} as Record<string, string>, values, stage: 'preview' as const, report: shown(preview, input.municipality, input.file.name) });
			}
			const report = await locals.services.events.importEventList(user, input, locals.ctx);
			return { stage: 'imported' as const, report: shown(report, input.municipality, input.file.name), values };
		} catch (err) {
			return refusal(err, values);
		}
	}
};
