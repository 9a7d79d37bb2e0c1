import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { notificationPreferencesInput } from '$lib/contracts/notifications';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ preferences: await locals.services.notifications.notificationPreferencesOf(locals.user) });
	});

export const PUT: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, notificationPreferencesInput);
		return json({ preferences: await locals.services.notifications.changeNotificationPreferences(locals.user, input.preferences) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
