import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { safeTarget } from '$lib/server/http/safe-target';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { board: await locals.services.notices.loadNoticeBoard(user, 200) };
};

export const actions: Actions = {
	bericht: async ({ locals, url, request }) =>
		locals.services.notices.postNoticeFromForm(requireUser(locals, url), await request.formData(), locals.ctx.ip),
	// The banner's "Gelezen" without JavaScript (or clicked before the page hydrated): back to where it was.
	gelezen: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		try {
			await locals.services.notices.markNoticeRead(user, String(form.get('id') ?? ''), locals.ctx);
		} catch (err) {
			if (err instanceof ServiceError) return fail(err.status, { form: 'gelezen' as const, message: err.message });
			throw err;
		}
		redirect(303, safeTarget(String(form.get('terug') ?? '/')));
	}
};
