import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	try {
		// Reading the report is itself a read of the file, and shows up in it.
		const { file, report } = await locals.services.bibob.accessReport(user, params.id, { ...locals.ctx, channel: 'pagina' });
		return { file: { id: file.id, permit: file.permit, status: file.status }, report };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
