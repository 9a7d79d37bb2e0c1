// Which regional notices stand as a banner on every page (our rule): urgent ones, not withdrawn,
// not yet read by this user, newest first. The banner applies the live news of the `region` and
// `user:<id>` topics with `applyBannerEvent`, so it never needs a reload.

export interface BannerNotice {
	id: string;
	title: string;
	text: string;
	severity: 'info' | 'waarschuwing' | 'urgent';
	exercise: boolean;
	createdAt: string;
	withdrawnAt: string | null;
	author: { id: string; name: string };
}

export const BANNER_LIMIT = 5;

export function isBannerNotice(notice: Pick<BannerNotice, 'severity' | 'withdrawnAt'>): boolean {
	return notice.severity === 'urgent' && notice.withdrawnAt === null;
}

/** The banner's notices from any list, given the ids this user has read. */
export function bannerNotices(notices: readonly BannerNotice[], read: ReadonlySet<string>): BannerNotice[] {
	return notices
		.filter((n) => isBannerNotice(n) && !read.has(n.id))
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
		.slice(0, BANNER_LIMIT);
}

/** The news the banner follows: the `region` and `user:<id>` events about notices. */
export type BannerNews =
	| { type: 'notice.created'; data: Omit<BannerNotice, 'withdrawnAt'> & { withdrawnAt?: string | null } }
	| { type: 'notice.withdrawn' | 'notice.read'; data: { id: string } };

const isBannerNews = (event: BannerNews | { type: string; data?: unknown }): event is BannerNews =>
	event.type === 'notice.created' || event.type === 'notice.withdrawn' || event.type === 'notice.read';

/** The banner after one realtime event: a new urgent notice joins, a withdrawn or read one leaves. */
export function applyBannerEvent(current: readonly BannerNotice[], event: BannerNews | { type: string; data?: unknown }): BannerNotice[] {
	if (!isBannerNews(event)) return [...current];
	if (event.type === 'notice.created') {
		const notice = event.data;
		if (!isBannerNotice({ severity: notice.severity, withdrawnAt: notice.withdrawnAt ?? null }) || current.some((n) => n.id === notice.id)) return [...current];
		return bannerNotices([{ ...notice, withdrawnAt: null }, ...current], new Set());
	}
	const id = event.data.id;
	return current.filter((n) => n.id !== id);
}
