// Event applications inserted as rows (advice tests and e2e): full, valid rows of `event_application` with scan_answers
// and a scan_result from the pure risicoscan, inserted directly (the application forms are another
// capability's). Free of vitest imports, so the end-to-end helpers can use it too.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.ts';
import { scoreRisicoscan, type Category, type RisicoscanInput } from '../../src/lib/domain/risicoscan/index.ts';

type ScanAnswers = Omit<RisicoscanInput, 'peakVisitors' | 'totalVisitors' | 'areaM2' | 'startsAt' | 'endsAt'>;

const QUIET: ScanAnswers = {
	audience: [],
	alcohol: 'none',
	drugsExpected: false,
	rivalGroups: false,
	activities: [],
	site: 'park',
	indoor: false,
	enclosed: false,
	roadClosures: false,
	poorAccess: false,
	nearHazard: false
};

/** Ready-made answer sheets: a quiet class A, a class B for all three services, a class C festival. */
export const SCANS = {
	/** 100 visitors in a park: class A, nobody advises. */
	A: { peakVisitors: 100 },
	/** 3 000 visitors, heavy alcohol, gas and tents: class B for brandweer, GHOR and politie. */
	B: { peakVisitors: 3_000, alcohol: 'heavy', activities: ['gas', 'temporary_structures'] },
	/** A street party of 800 with rival supporters: class B for politie only. */
	B_POLITIE: { peakVisitors: 800, activities: ['amplified_music'], alcohol: 'limited', site: 'street', roadClosures: true, rivalGroups: true },
	/** A 20 000-visitor festival with fireworks: class C, one joint advice. */
	C: { peakVisitors: 20_000, totalVisitors: 45_000, areaM2: 30_000, activities: ['fireworks', 'temporary_structures', 'amplified_music'], alcohol: 'limited', audience: ['youth'], enclosed: true }
} as const satisfies Record<string, Partial<RisicoscanInput>>;

export interface ApplicationOptions {
	municipality?: string;
	name?: string;
	status?: 'concept' | 'ingediend' | 'in_behandeling' | 'advies_gevraagd' | 'besluit' | 'ingetrokken';
	startsAt?: string;
	endsAt?: string;
	scan?: Partial<RisicoscanInput>;
	/** The officer's own class, with reason and author (needs `overrideBy`). */
	override?: { category: Category; reason: string; by: string };
	/** No scan at all (no class yet). */
	unscanned?: boolean;
	decision?: 'verleend' | 'verleend_met_voorschriften' | 'geweigerd';
	createdBy?: string | null;
	description?: string;
	address?: string;
	organiser?: { name?: string; organisation?: string; email?: string; phone?: string };
}

export interface InsertedApplication {
	id: string;
	reference: string;
	municipality: string;
	category: Category | null;
	input: RisicoscanInput;
}

let counter = 0;

/** Inserts one application as the application forms would leave it. */
export async function insertApplication(db: Kysely<DB>, options: ApplicationOptions = {}): Promise<InsertedApplication> {
	const municipality = options.municipality ?? 'haarlem';
	const startsAt = options.startsAt ?? '2026-08-15T12:00:00+02:00';
	const endsAt = options.endsAt ?? '2026-08-15T23:00:00+02:00';
	const input: RisicoscanInput = { ...QUIET, peakVisitors: 100, ...options.scan, startsAt, endsAt } as RisicoscanInput;
	const { peakVisitors, totalVisitors, areaM2, startsAt: _s, endsAt: _e, ...answers } = input;
	const scan = scoreRisicoscan(input);
	const reference = `${municipality.slice(0, 3).toUpperCase()}-2026-${String(++counter).padStart(4, '0')}${randomBytes(2).toString('hex')}`;
	const organiser = options.organiser ?? {};
	const { id } = await db
		.insertInto('eventApplication')
		.values({
			reference,
			municipalityCode: municipality,
			status: options.status ?? 'ingediend',
			procedure: 'vergunning',
			organiserName: organiser.name ?? 'Eva Organisator',
			organiserOrganisation: organiser.organisation ?? 'Stichting Zomerfeest',
			organiserKvk: '12345678',
			organiserEmail: organiser.email ?? 'eva@zomerfeest.example',
			organiserPhone: organiser.phone ?? '06-12345678',
			name: options.name ?? `Zomerfeest ${counter}`,
			description: options.description ?? 'Een feest voor de hele buurt.',
			eventType: 'festival',
			address: options.address ?? 'Grote Markt, Haarlem',
			lat: 52.381,
			lon: 4.637,
			startsAt,
			endsAt,
			totalVisitors: totalVisitors ?? null,
			peakVisitors,
			areaM2: areaM2 ?? null,
			scanAnswers: JSON.stringify(options.unscanned ? {} : answers),
			scanResult: options.unscanned ? null : JSON.stringify(scan),
			scanModelVersion: options.unscanned ? null : 1,
			computedCategory: options.unscanned ? null : scan.category,
			overrideCategory: options.override?.category ?? null,
			overrideReason: options.override?.reason ?? null,
			overrideBy: options.override?.by ?? null,
			overrideAt: options.override ? new Date() : null,
			submittedAt: options.status === 'concept' ? null : new Date(),
			decision: options.decision ?? null,
			decidedAt: options.decision ? new Date() : null,
			createdBy: options.createdBy ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const category = options.override?.category ?? (options.unscanned ? null : scan.category);
	return { id, reference, municipality, category, input };
}
