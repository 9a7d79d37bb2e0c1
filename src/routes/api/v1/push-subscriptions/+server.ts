import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { pushSubscriptionInput, pushUnsubscribeInput } from '$lib/contracts/notifications';

/** This browser's push subscription for the signed-in user (PushSubscription.toJSON()). */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, pushSubscriptionInput);
		return json(await locals.services.notifications.subscribePush(locals.user, input, { userAgent: request.headers.get('user-agent') }), { status: 201 });
	});

export const DELETE: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, pushUnsubscribeInput);
		await locals.services.notifications.unsubscribePush(locals.user, input.endpoint);
		return new Response(null, { status: 204 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
