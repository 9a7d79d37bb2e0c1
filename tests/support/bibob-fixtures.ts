// Event applications for the Bibob tests (the events capability lives on another branch): full,
// valid rows of event_application as migration 0007 defines them, and helpers for Bibob files.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { openFile } from '../../src/lib/server/bibob/bibob-service.ts';
import { openFileInput } from '../../src/lib/server/bibob/bibob-input.ts';
import type { BibobFileRecord } from '../../src/lib/server/bibob/bibob-record.ts';

export const TODAY = '2026-06-15';
export const ctx = { ip: '192.0.2.30', today: TODAY };

export async function insertEventApplication(
	db: Database,
	options: { municipality: string; status?: 'concept' | 'ingediend' | 'in_behandeling' | 'advies_gevraagd' | 'besluit' | 'ingetrokken'; name?: string }
): Promise<{ id: string; reference: string; version: number }> {
	const reference = `EVT-${options.municipality.slice(0, 3).toUpperCase()}-${randomBytes(3).toString('hex')}`;
	const row = await db
		.insertInto('eventApplication')
		.values({
			reference,
			municipalityCode: options.municipality,
			status: options.status ?? 'in_behandeling',
			procedure: 'vergunning',
			organiserName: 'J. de Organisator',
			organiserOrganisation: 'Strandfeest Events B.V.',
			organiserKvk: '12345678',
			organiserEmail: 'info@strandfeest.example',
			organiserPhone: '0230000000',
			name: options.name ?? 'Strandfeest Zomerzon',
			description: 'Muziekfestival op het strand',
			eventType: 'muziek',
			address: 'Boulevard 1',
			startsAt: new Date('2026-08-15T12:00:00+02:00'),
			endsAt: new Date('2026-08-15T23:00:00+02:00'),
			totalVisitors: 5000,
			peakVisitors: 3000,
			areaM2: 20000,
			scanAnswers: JSON.stringify({ alcohol: 'heavy' }),
			computedCategory: 'B',
			submittedAt: new Date('2026-04-01T10:00:00+02:00'),
			createdAt: new Date('2026-04-01T10:00:00+02:00')
		})
		.returning(['id', 'reference', 'version'])
		.executeTakeFirstOrThrow();
	return row;
}

/** Opens a screening on an application through the real service. */
export async function openScreening(db: Database, officer: SessionUser, municipality: string, applicationId: string): Promise<BibobFileRecord> {
	const input = openFileInput.parse({
		permitKind: 'evenement',
		municipality,
		eventApplicationId: applicationId,
		applicantName: 'Strandfeest Events B.V.',
		originalDeadline: '2026-07-15',
		openedOn: '2026-05-01'
	});
	return openFile(db, officer, input, ctx);
}

/** Opens a screening on another permit kind (no application). */
export async function openOtherScreening(db: Database, officer: SessionUser, municipality: string, kind: 'horeca' | 'exploitatie' | 'omgevingsvergunning' = 'horeca'): Promise<BibobFileRecord> {
	const input = openFileInput.parse({
		permitKind: kind,
		municipality,
		permitReference: `HOR-${randomBytes(2).toString('hex')}`,
		permitDescription: 'Café De Zwaan, drank- en horecavergunning',
		applicantName: 'De Zwaan Horeca B.V.',
		originalDeadline: '2026-07-15',
		openedOn: '2026-05-01'
	});
	return openFile(db, officer, input, ctx);
}
