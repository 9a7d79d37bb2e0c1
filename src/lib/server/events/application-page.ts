// What the application detail page needs in one load: the view, what this user may do with it,
// and the topic position it reflects (so the live subscription starts exactly there). Other
// capabilities add their parts (advice, calendar warnings) beside `application` in the page load.
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { ServiceError } from '../errors';
import { currentSeq } from '../realtime/event-log';
import { TRANSITIONS, isClosed, mayDecide } from '../../domain/events/application';
import { getApplication, requiredAdviceOf } from './application-service';
import type { ApplicationView } from './application-view';

/** Runs a read for a page; a refusal becomes the page's own error status with its Dutch message. */
export async function pageError<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
}

export interface ApplicationActions {
	canWrite: boolean;
	canDecide: boolean;
	/** May start next year's edition from this one (also once it is decided). */
	canCopy: boolean;
	/** Lifecycle steps offered as buttons (besides deciding). */
	transitions: ('ingediend' | 'in_behandeling' | 'ingetrokken')[];
	mayDecideNow: boolean;
}

export function actionsFor(user: SessionUser, app: ApplicationView): ApplicationActions {
	const canWrite = can(user, 'event.write', { municipality: app.municipality });
	const canDecide = can(user, 'event.decide', { municipality: app.municipality });
	const transitions = canWrite ? TRANSITIONS[app.status].filter((s): s is ApplicationActions['transitions'][number] => s === 'ingediend' || s === 'in_behandeling' || s === 'ingetrokken') : [];
	return {
		canWrite: canWrite && !isClosed(app.status),
		canDecide,
		canCopy: canWrite,
		transitions,
		mayDecideNow: canDecide && mayDecide(app.status, app.procedure, app.category) && app.bibobStatus !== 'loopt'
	};
}

export async function loadApplicationPage(db: Kysely<DB>, user: SessionUser, id: string) {
	// Position first: anything after it is replayed by the subscription, anything before is loaded.
	const seq = await currentSeq(db, `application:${id}`);
	const application = await pageError(() => getApplication(db, user, id));
	const actions = actionsFor(user, application);
	// The advice a decision waits for; the page shows what is still missing, live (the service checks again).
	const requiredAdvice = actions.mayDecideNow ? await requiredAdviceOf(db, user, id) : [];
	return { seq, application, actions, requiredAdvice };
}
