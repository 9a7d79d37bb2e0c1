// Samenlopende evenementen (DOMAIN.md §2; the word of the Heemskerk Beleidsregel evenementen 2019):
// events in the same municipality whose times overlap. Overlap chains join: when A overlaps B and
// B overlaps C, the three form one group, because the services plan them as one situation.
import { toEpochMs } from '../risicoscan/local-time.ts';
import { timesOverlap } from './days.ts';
import type { CalendarItem } from './load.ts';

/**
 * Groups of two or more samenlopende events, as ids in start order; groups ordered by their first
 * start, then municipality. Touching times (one ends when the next starts) are not samenlopend.
 */
export function samenlopend(entries: readonly CalendarItem[]): string[][] {
	const byMunicipality = new Map<string, { id: string; start: number; end: number }[]>();
	for (const e of entries) {
		const list = byMunicipality.get(e.municipality) ?? [];
		list.push({ id: e.id, start: toEpochMs(e.startsAt), end: toEpochMs(e.endsAt) });
		byMunicipality.set(e.municipality, list);
	}
	const groups: { municipality: string; start: number; ids: string[] }[] = [];
	for (const [municipality, list] of byMunicipality) {
		list.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
		let current: { start: number; ids: string[] } | null = null;
		let reach = -Infinity;
		for (const item of list) {
			if (current && item.start < reach) {
				current.ids.push(item.id);
				reach = Math.max(reach, item.end);
			} else {
				if (current && current.ids.length > 1) groups.push({ municipality, ...current });
				current = { start: item.start, ids: [item.id] };
				reach = item.end;
			}
		}
		if (current && current.ids.length > 1) groups.push({ municipality, ...current });
	}
	groups.sort((a, b) => a.start - b.start || (a.municipality < b.municipality ? -1 : 1));
	return groups.map((g) => g.ids);
}

/** The events samenlopend with `target` itself (same municipality, overlapping times), itself excluded. */
export function samenlopendWith<T extends CalendarItem>(target: Omit<CalendarItem, 'category' | 'id'> & { id?: string | undefined }, entries: readonly T[]): T[] {
	return entries.filter((e) => e.id !== target.id && e.municipality === target.municipality && timesOverlap(e, target));
}
