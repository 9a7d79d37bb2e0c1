// The human reference of an event application: <GEMEENTE>-<jaar>-<volgnummer>, e.g.
// ZVT-2027-0001. The abbreviation is fixed per municipality (below); the year is the year the
// application was registered (created), like a zaaknummer, not the year of the event; the number
// counts per municipality and year from 0001 (four digits, more when a year needs them).
// Every part of Paraat that creates applications uses `eventReference`.

import { localDateOf } from './days.ts';

export const MUNICIPALITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
	beverwijk: 'BVW',
	bloemendaal: 'BLD',
	haarlem: 'HLM',
	haarlemmermeer: 'HLMR',
	heemskerk: 'HMK',
	heemstede: 'HST',
	uitgeest: 'UTG',
	velsen: 'VLS',
	zandvoort: 'ZVT'
};

const REFERENCE = /^([A-Z]{3,4})-(\d{4})-(\d{4,})$/;

export function eventReference(municipality: string, year: number, sequence: number): string {
	const abbreviation = MUNICIPALITY_ABBREVIATIONS[municipality];
	if (!abbreviation) throw new Error(`Onbekende gemeente: ${municipality}`);
	if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Geen volgnummer: ${sequence}`);
	return `${abbreviation}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The parts of a reference, or null when it is none. */
export function parseEventReference(reference: string): { municipality: string; year: number; sequence: number } | null {
	const m = REFERENCE.exec(reference);
	if (!m) return null;
	const municipality = Object.entries(MUNICIPALITY_ABBREVIATIONS).find(([, a]) => a === m[1])?.[0];
	if (!municipality) return null;
	return { municipality, year: Number(m[2]), sequence: Number(m[3]) };
}

/** The prefix every reference of a municipality and year starts with ('ZVT-2027-'). */
export function referencePrefix(municipality: string, year: number): string {
	const abbreviation = MUNICIPALITY_ABBREVIATIONS[municipality];
	if (!abbreviation) throw new Error(`Onbekende gemeente: ${municipality}`);
	return `${abbreviation}-${year}-`;
}

/**
 * The year a reference carries: the local (Amsterdam) year of registration. An application
 * registered on 31 December at 23:30 local belongs to that year, though UTC says otherwise.
 */
export function registrationYear(registeredAt: Date): number {
	return Number(localDateOf(registeredAt).slice(0, 4));
}
