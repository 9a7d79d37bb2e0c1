// The region's view (the WIV): the nine municipalities' current plans side by side, which
// priorities they share, and which match the police unit's IMV themes (DOMAIN.md §8). Pure.
import { KENNEMERLAND } from '../region.ts';
import { currentPlan } from './plan-period.ts';

/** The themes of the police unit's Integraal Meerjarenbeleidsplan Veiligheid (IMV 2019-2022). */
export const IMV_THEMES = ['Ondermijning', 'Zorg en veiligheid', 'Contraterrorisme en polarisatie', 'Cybercrime'] as const;

interface PlanLike {
	id: string;
	municipality: string;
	title: string;
	startYear: number;
	endYear: number;
	priorities: { title: string }[];
}

export interface RegionRow {
	municipality: string;
	municipalityName: string;
	plan: { id: string; title: string; startYear: number; endYear: number } | null;
	priorities: { title: string; imv: string | null; shared: boolean }[];
}

/** A priority's title without case or surrounding space, for comparing across municipalities. */
export const priorityKey = (title: string) => title.trim().toLocaleLowerCase('nl-NL');

/** The IMV theme a priority falls under: its title names the theme (Ondermijning; Zorg en veiligheid). */
export function imvThemeOf(title: string): string | null {
	const key = priorityKey(title);
	if (key.includes('cyber')) return 'Cybercrime';
	if (key.includes('radicalisering') || key.includes('polarisatie') || key.includes('terrorisme')) return 'Contraterrorisme en polarisatie';
	return IMV_THEMES.find((t) => key.includes(priorityKey(t))) ?? null;
}

/** Per municipality (all nine, in order) its plan running in `year` and its priorities. */
export function regionOverview(plans: readonly PlanLike[], year: number): RegionRow[] {
	const chosen = KENNEMERLAND.map((m) => ({ m, plan: currentPlan(plans.filter((p) => p.municipality === m.code), year) }));
	const counts = new Map<string, number>();
	for (const { plan } of chosen) for (const key of new Set(plan?.priorities.map((p) => priorityKey(p.title)) ?? [])) counts.set(key, (counts.get(key) ?? 0) + 1);
	return chosen.map(({ m, plan }) => ({
		municipality: m.code,
		municipalityName: m.name,
		plan: plan ? { id: plan.id, title: plan.title, startYear: plan.startYear, endYear: plan.endYear } : null,
		priorities: (plan?.priorities ?? []).map((p) => ({ title: p.title, imv: imvThemeOf(p.title), shared: (counts.get(priorityKey(p.title)) ?? 0) > 1 }))
	}));
}

/** The priorities more than one municipality has, with who has them, most shared first. */
export function sharedPriorities(rows: readonly RegionRow[]): { title: string; municipalities: string[] }[] {
	const byKey = new Map<string, { title: string; municipalities: string[] }>();
	for (const row of rows) {
		for (const p of row.priorities) {
			const entry = byKey.get(priorityKey(p.title)) ?? { title: p.title.trim(), municipalities: [] };
			if (!entry.municipalities.includes(row.municipalityName)) entry.municipalities.push(row.municipalityName);
			byKey.set(priorityKey(p.title), entry);
		}
	}
	return [...byKey.values()].filter((e) => e.municipalities.length > 1).sort((a, b) => b.municipalities.length - a.municipalities.length || a.title.localeCompare(b.title, 'nl'));
}
