// What the hook puts on `event.locals` for a route, for tests that call a route's handler directly:
// the services bound to the test's own database and the request context the services audit.
import type { Database } from '../../src/lib/server/db/index.ts';
import { createRequestServices, type RequestServiceOptions } from '../../src/lib/server/app/request-services.ts';

export function requestLocals(db: Database, ip: string | null = '192.0.2.1', options: RequestServiceOptions = {}) {
	return { services: createRequestServices(() => db, options), ctx: { ip } };
}
