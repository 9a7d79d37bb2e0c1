// Event applications straight into the table, for calendar tests: only what the calendar reads,
// plus organiser data that must never come out of it.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/index.ts';

export interface ApplicationSpec {
	name?: string;
	municipality?: string;
	category?: 'A' | 'B' | 'C' | null;
	status?: 'concept' | 'ingediend' | 'in_behandeling' | 'advies_gevraagd' | 'besluit' | 'ingetrokken';
	decision?: 'verleend' | 'verleend_met_voorschriften' | 'geweigerd' | null;
	startsAt: string;
	endsAt: string;
	peakVisitors?: number;
	totalVisitors?: number | null;
}

/** Organiser values that tests look for in every output (they must never appear). */
export const SECRET_ORGANISER = {
	organiserName: 'Geheime Organisator',
	organiserOrganisation: 'Verborgen Evenementen B.V.',
	organiserKvk: '99887766',
	organiserEmail: 'geheim@verborgen.example.nl',
	organiserPhone: '06-99887766'
};

let n = 0;

export async function insertApplication(db: Database, spec: ApplicationSpec): Promise<string> {
	n++;
	const row = await db
		.insertInto('eventApplication')
		.values({
			reference: `TST-${randomBytes(3).toString('hex')}-${n}`,
			municipalityCode: spec.municipality ?? 'haarlem',
			status: spec.status ?? 'ingediend',
			decision: spec.decision ?? null,
			procedure: 'vergunning',
			name: spec.name ?? `Evenement ${n}`,
			startsAt: new Date(spec.startsAt),
			endsAt: new Date(spec.endsAt),
			peakVisitors: spec.peakVisitors ?? 500,
			totalVisitors: spec.totalVisitors ?? null,
			computedCategory: spec.category === undefined ? 'A' : spec.category,
			submittedAt: spec.status === 'concept' ? null : new Date(),
			...SECRET_ORGANISER
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
