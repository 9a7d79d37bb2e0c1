import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, apiError, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** The applicationServerKey a browser subscribes with. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const publicKey = await locals.services.notifications.pushPublicKey();
		if (!publicKey) return apiError(503, 'push_not_configured', 'Pushberichten zijn op deze server niet ingesteld; e-mail werkt wel. Vraag de beheerder om PARAAT_VAPID_PUBLIC_KEY en PARAAT_VAPID_PRIVATE_KEY.');
		return json({ publicKey });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
