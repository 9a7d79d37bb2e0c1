import type { SessionUser } from '$lib/server/auth/roles';
import type { Session } from '$lib/server/auth/session';
import type { RequestCtx, RequestServices } from '$lib/server/app/request-services';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			user: SessionUser | null;
			session: Session | null;
			/** Every capability's services, bound to the database (routes never import the db module). */
			services: RequestServices;
			/** The request's origin as services record it in the audit trail: pass it as their `ctx`. */
			ctx: RequestCtx;
			/** Set when PostgreSQL could not be reached during this request (answered with 503). */
			databaseUnavailable?: boolean;
		}
	}
}

export {};
