// Record ids in paths are UUIDs. Anything else never reaches a query or an audit write: the
// route does not match, so the API answers its 404 problem and a page its Dutch 404.
// (Matchers also run in the browser's router, hence no import from $lib/server.)
import type { ParamMatcher } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const match = ((param: string) => UUID.test(param)) satisfies ParamMatcher;
