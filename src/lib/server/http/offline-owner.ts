// The service worker keeps offline copies of the boards per user (docs/offline.md). It learns
// whose page an answer is from this header, so one user's copies are never shown to another on the
// same device: an answer for nobody (the login page after logging out) makes it drop them all.
import { isApiPath } from './refusal';

export const OFFLINE_OWNER_HEADER = 'X-Paraat-User';
/** The header's value when nobody is signed in. */
export const NO_OWNER = 'niemand';

export function markOfflineOwner(headers: Headers, url: URL, userId: string | null): void {
	if (isApiPath(url)) return;
	headers.set(OFFLINE_OWNER_HEADER, userId ?? NO_OWNER);
}
