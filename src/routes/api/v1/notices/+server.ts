import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { noticeInput } from '$lib/server/notices/notice-input';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const limit = Number(url.searchParams.get('limit') ?? 50);
		return json({ notices: await locals.services.notices.recentNotices(locals.user, Number.isFinite(limit) ? limit : 50) });
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, noticeInput);
		const notice = await locals.services.notices.postNotice(locals.user, input, locals.ctx);
		return json(notice, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
