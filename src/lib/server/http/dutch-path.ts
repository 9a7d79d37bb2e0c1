// English paths people type out of habit (/login, /logout) lead to the Dutch pages. 308 keeps the
// method and body: a POST to /logout is re-sent by the browser as a POST to /uitloggen, which logs
// out; the query string (a return target such as ?naar=…) goes along.
import { redirect, type RequestHandler } from '@sveltejs/kit';

export function redirectTo(dutchPath: string): RequestHandler {
	return ({ url }) => redirect(308, `${dutchPath}${url.search}`);
}
