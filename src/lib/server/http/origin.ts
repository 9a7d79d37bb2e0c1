// State-changing API requests are accepted only from the app's own origin. Browsers send
// Origin (and Sec-Fetch-Site) on cross-site requests; clients without them are not browsers
// and must present the session cookie anyway.
import { config } from '../config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isForeignStateChange(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const fetchSite = request.headers.get('sec-fetch-site');
	if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
	const origin = request.headers.get('origin');
	if (!origin) return false;
	const allowed = config().ORIGIN ?? url.origin;
	return origin !== allowed;
}
