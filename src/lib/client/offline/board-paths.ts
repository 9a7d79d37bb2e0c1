// The pages that stay readable offline: an incident's task board and logbook, and the bluswater
// board. Shared by the service worker (which keeps their last copy per user) and the pages.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BOARD_PATHS = [new RegExp(`^/crisis/${UUID}/?$`), new RegExp(`^/crisis/${UUID}/logboek/?$`), /^\/bluswater\/?$/];

export function isBoardPath(pathname: string): boolean {
	return BOARD_PATHS.some((pattern) => pattern.test(pathname.toLowerCase()));
}

/** The key of a board's offline copy: its path without query or trailing slash. */
export function boardCopyKey(url: URL): string {
	const path = url.pathname.replace(/\/$/, '') || '/';
	return `${url.origin}${path}`;
}
