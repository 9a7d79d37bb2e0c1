import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { noticeInput } from '$lib/server/notices/notice-input';
import { postNotice, recentNotices } from '$lib/server/notices/notice-service';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const limit = Number(url.searchParams.get('limit') ?? 50);
		return json({ notices: await recentNotices(getDb(), locals.user, Number.isFinite(limit) ? limit : 50) });
	});

export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, noticeInput);
		const notice = await postNotice(getDb(), locals.user, input, { ip: clientAddress(getClientAddress) });
		return json(notice, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
