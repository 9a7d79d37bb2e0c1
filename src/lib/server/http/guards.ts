// Page guards: every page checks on the server, never only by hiding a link.
import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/roles';
import { can, type Action, type Scope } from '../auth/permissions';

export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		const target = url.pathname + url.search;
		redirect(303, `/inloggen?naar=${encodeURIComponent(target)}`);
	}
	return locals.user;
}

export function requirePermission(locals: App.Locals, url: URL, action: Action, scope?: Scope): SessionUser {
	const user = requireUser(locals, url);
	const allowed = can(user, action, scope);
	if (!allowed) error(403, 'Je hebt geen toegang tot deze pagina. Vraag een beheerder om de juiste rol.');
	return user;
}
