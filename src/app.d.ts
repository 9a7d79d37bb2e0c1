import type { SessionUser } from '$lib/server/auth/roles';
import type { Session } from '$lib/server/auth/session';

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
			/** Set when PostgreSQL could not be reached during this request (answered with 503). */
			databaseUnavailable?: boolean;
		}
	}
}

export {};
