// Helpers for the event application tests: a valid application body, created through the real
// schema and service, and minimal files of each type.
import type { Database } from '../../src/lib/server/db/index.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { newApplicationInput } from '../../src/lib/server/events/application-input.ts';
import { createApplication } from '../../src/lib/server/events/application-service.ts';
import type { ApplicationView } from '../../src/lib/server/events/application-view.ts';
import { ctx, parse } from './incident-fixtures.ts';

/** A complete, submittable class C festival in Haarlem (peak 20 000 → floor C). */
export function festivalBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		municipality: 'haarlem',
		name: 'Bevrijdingspop',
		description: 'Popfestival in het park',
		eventType: 'festival',
		address: 'Haarlemmerhout, Haarlem',
		lat: 52.37,
		lon: 4.64,
		organiserName: 'Anna de Vries',
		organiserOrganisation: 'Stichting Pop',
		organiserKvk: '12345678',
		organiserEmail: 'anna@example.nl',
		organiserPhone: '023 123 4567',
		startsAt: '2027-06-12T12:00:00+02:00',
		endsAt: '2027-06-12T23:00:00+02:00',
		totalVisitors: 30000,
		peakVisitors: 20000,
		areaM2: 40000,
		audience: ['youth'],
		alcohol: 'heavy',
		activities: ['amplified_music', 'temporary_structures'],
		site: 'park',
		...overrides
	};
}

export async function makeApplication(db: Database, user: SessionUser, overrides: Record<string, unknown> = {}): Promise<ApplicationView> {
	return createApplication(db, user, parse(newApplicationInput, festivalBody(overrides)), ctx);
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
/** A script named like a PDF: refused by content. */
export const FAKE_PDF = new TextEncoder().encode('#!/bin/sh\necho "geen pdf"\n');
