import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { board: await locals.services.notices.loadNoticeBoard(user, 200) };
};

export const actions: Actions = {
	bericht: async ({ locals, url, request }) =>
		locals.services.notices.postNoticeFromForm(requireUser(locals, url), await request.formData(), locals.ctx.ip)
};
