import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { ServiceError } from '$lib/server/errors';
import { accessReport } from '$lib/server/bibob/bibob-read-service';

export const load: PageServerLoad = async ({ locals, url, params, getClientAddress }) => {
	const user = requireUser(locals, url);
	try {
		// Reading the report is itself a read of the file, and shows up in it.
		const { file, report } = await accessReport(getDb(), user, params.id, { ip: clientAddress(getClientAddress), channel: 'pagina' });
		return { file: { id: file.id, permit: file.permit, status: file.status }, report };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
