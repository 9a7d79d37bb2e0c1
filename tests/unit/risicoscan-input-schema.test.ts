// The POST /api/v1/risicoscan body (DESIGN.md "Public API"): valid bodies pass, and a wrong body
// names every wrong field with a Dutch message.
import { describe, expect, it } from 'vitest';
import {
	risicoscanInputSchema,
	scoreRisicoscan,
	zodIssuesToFieldErrors,
	type FieldError
} from '../../src/lib/domain/risicoscan/index.ts';

function validBody(): Record<string, unknown> {
	return {
		peakVisitors: 12_000,
		totalVisitors: 30_000,
		areaM2: 5_000,
		startsAt: '2026-06-12T14:00:00+02:00',
		endsAt: '2026-06-14T23:00:00+02:00',
		audience: ['youth', 'children'],
		alcohol: 'limited',
		drugsExpected: false,
		rivalGroups: false,
		activities: ['amplified_music', 'temporary_structures'],
		site: 'terrain',
		indoor: false,
		enclosed: true,
		roadClosures: true,
		poorAccess: false,
		nearHazard: false,
		concurrentEvents: 0,
		municipality: 'haarlem'
	};
}

function without(body: Record<string, unknown>, drop: (key: string) => boolean): Record<string, unknown> {
	return Object.fromEntries(Object.entries(body).filter(([key]) => !drop(key)));
}

function errorsFor(body: unknown): FieldError[] {
	const parsed = risicoscanInputSchema.safeParse(body);
	return parsed.success ? [] : zodIssuesToFieldErrors(parsed.error);
}

function fieldsFor(body: unknown): string[] {
	return errorsFor(body).map((e) => e.field);
}

describe('valid bodies', () => {
	it('accepts a complete body and returns it unchanged', () => {
		const parsed = risicoscanInputSchema.parse(validBody());
		expect(parsed).toEqual(validBody());
	});

	it('accepts a body without the optional fields', () => {
		const optional = new Set(['totalVisitors', 'areaM2', 'concurrentEvents', 'municipality']);
		expect(errorsFor(without(validBody(), (key) => optional.has(key)))).toEqual([]);
	});

	it('ignores unknown fields', () => {
		const parsed = risicoscanInputSchema.parse({ ...validBody(), name: 'Bevrijdingspop', points: 99 });
		expect(parsed).not.toHaveProperty('name');
		expect(parsed).not.toHaveProperty('points');
	});

	it.each([
		['empty lists', { audience: [], activities: [] }],
		['every audience group and activity', {
			audience: ['children', 'elderly', 'less_self_reliant', 'youth'],
			activities: [
				'amplified_music',
				'fireworks',
				'open_fire',
				'gas',
				'temporary_structures',
				'animals',
				'water_activity',
				'motor_vehicles',
				'funfair_rides',
				'endurance_sport'
			]
		}],
		['a repeated audience group', { audience: ['youth', 'youth'] }],
		['0 visitors', { peakVisitors: 0, totalVisitors: 0 }],
		['a total equal to the peak', { peakVisitors: 500, totalVisitors: 500 }],
		['a fractional area', { areaM2: 0.5 }],
		['UTC instants', { startsAt: '2026-06-12T12:00:00Z', endsAt: '2026-06-12T20:00:00Z' }],
		['fractional seconds', { startsAt: '2026-06-12T12:00:00.250+02:00', endsAt: '2026-06-12T12:00:00.251+02:00' }],
		['negative offsets', { startsAt: '2026-06-12T08:00:00-04:00', endsAt: '2026-06-12T12:00:00-04:00' }],
		...(['street', 'beach', 'park', 'terrain', 'building', 'nature', 'water'] as const).map(
			(site) => [`site ${site}`, { site }] as [string, Record<string, unknown>]
		),
		...(['none', 'limited', 'heavy'] as const).map(
			(alcohol) => [`alcohol ${alcohol}`, { alcohol }] as [string, Record<string, unknown>]
		)
	] as [string, Record<string, unknown>][])('accepts %s', (_name, overrides) => {
		expect(errorsFor({ ...validBody(), ...overrides })).toEqual([]);
	});

	it('parses to an input the scorer takes', () => {
		const result = scoreRisicoscan(risicoscanInputSchema.parse(validBody()));
		// peak 5, density 2,4/m² 2, children 2, youth 1, alcohol 1, music 1, structures 2, Friday–Sunday 2,
		// enclosed 1, road closures 1.
		expect(result.points).toBe(18);
		expect(result.category).toBe('C');
	});
});

describe('each wrong field is named', () => {
	it.each([
		['peakVisitors', -1],
		['peakVisitors', 1.5],
		['peakVisitors', '100'],
		['peakVisitors', null],
		['totalVisitors', -1],
		['totalVisitors', 2.5],
		['totalVisitors', 'veel'],
		['areaM2', 0],
		['areaM2', -5],
		['areaM2', '100'],
		['startsAt', '2026-06-12T14:00:00'],
		['startsAt', '12-06-2026 14:00'],
		['startsAt', '2026-06-12'],
		['startsAt', '2026-02-30T14:00:00+01:00'],
		['startsAt', 1781265600000],
		['endsAt', '2026-06-14T23:00:00'],
		['endsAt', ''],
		['audience', 'children'],
		['audience', null],
		['alcohol', 'lots'],
		['alcohol', true],
		['drugsExpected', 'yes'],
		['drugsExpected', 1],
		['rivalGroups', 'false'],
		['activities', 'fireworks'],
		['site', 'moon'],
		['site', ''],
		['indoor', 'true'],
		['enclosed', null],
		['roadClosures', 0],
		['poorAccess', 'nee'],
		['nearHazard', []],
		['concurrentEvents', -1],
		['concurrentEvents', 0.5],
		['municipality', ''],
		['municipality', 12]
	])('%s = %j', (field, value) => {
		const errors = errorsFor({ ...validBody(), [field]: value });
		expect(errors.map((e) => e.field)).toEqual([field]);
		expect(errors[0]?.message).toMatch(/\S/);
	});

	it.each([
		['peakVisitors'],
		['startsAt'],
		['endsAt'],
		['audience'],
		['alcohol'],
		['drugsExpected'],
		['rivalGroups'],
		['activities'],
		['site'],
		['indoor'],
		['enclosed'],
		['roadClosures'],
		['poorAccess'],
		['nearHazard']
	])('%s is required', (field) => {
		const errors = errorsFor(without(validBody(), (key) => key === field));
		expect(errors.map((e) => e.field)).toEqual([field]);
		expect(errors[0]?.message).toMatch(/verplicht/);
	});

	it('names the position of an unknown list value', () => {
		expect(fieldsFor({ ...validBody(), audience: ['teens'] })).toEqual(['audience.0']);
		expect(fieldsFor({ ...validBody(), activities: ['gas', 'juggling', 'fireworks', 'karaoke'] })).toEqual([
			'activities.1',
			'activities.3'
		]);
	});

	it('rejects a body that is not an object', () => {
		for (const body of [null, [], 'x', 42, undefined]) {
			expect(errorsFor(body)).toEqual([{ field: 'body', message: 'Het verzoek moet een JSON-object zijn' }]);
		}
	});
});

describe('cross-field rules', () => {
	it('rejects an end equal to the start', () => {
		expect(errorsFor({ ...validBody(), endsAt: '2026-06-12T14:00:00+02:00' })).toEqual([
			{ field: 'endsAt', message: 'Einde moet na het begin liggen' }
		]);
	});

	it('rejects an end equal to the start written in another offset', () => {
		expect(fieldsFor({ ...validBody(), endsAt: '2026-06-12T12:00:00Z' })).toEqual(['endsAt']);
	});

	it('rejects an end before the start', () => {
		expect(fieldsFor({ ...validBody(), endsAt: '2026-06-12T13:59:59+02:00' })).toEqual(['endsAt']);
	});

	it('compares instants, not text', () => {
		// 13:00 in New York is later than 14:00 in Amsterdam.
		expect(errorsFor({ ...validBody(), endsAt: '2026-06-12T13:00:00-04:00' })).toEqual([]);
	});

	it('rejects a peak above the total', () => {
		expect(errorsFor({ ...validBody(), peakVisitors: 30_001 })).toEqual([
			{ field: 'totalVisitors', message: 'Totaal aantal bezoekers mag niet lager zijn dan de piekbezetting' }
		]);
	});
});

describe('messages', () => {
	it('are Dutch and name the rule', () => {
		expect(errorsFor({ ...validBody(), peakVisitors: -3 })).toEqual([
			{ field: 'peakVisitors', message: 'Piekbezetting moet een geheel getal van 0 of meer zijn' }
		]);
		expect(errorsFor({ ...validBody(), startsAt: '2026-06-12T14:00:00' })[0]?.message).toMatch(
			/^Begin moet een ISO 8601-tijdstip met tijdzone zijn/
		);
		expect(errorsFor({ ...validBody(), site: 'moon' })[0]?.message).toBe(
			'Locatie moet een van street, beach, park, terrain, building, nature, water zijn'
		);
		expect(errorsFor({ ...validBody(), areaM2: 0 })[0]?.message).toBe(
			'Oppervlakte moet een getal groter dan 0 zijn (m²)'
		);
	});

	it('name every wrong field at once, cross-field rules included, one message per field', () => {
		const errors = errorsFor({
			...validBody(),
			peakVisitors: 500,
			totalVisitors: 100,
			startsAt: '2026-06-12T20:00:00+02:00',
			endsAt: '2026-06-12T19:00:00+02:00',
			alcohol: 'veel',
			activities: ['fireworks', 'x'],
			indoor: 'ja',
			concurrentEvents: -1.5
		});
		expect(errors.map((e) => e.field).sort()).toEqual(
			['activities.1', 'alcohol', 'concurrentEvents', 'endsAt', 'indoor', 'totalVisitors'].sort()
		);
		expect(errors.find((e) => e.field === 'endsAt')?.message).toBe('Einde moet na het begin liggen');
	});

	it('skip a cross-field rule whose own fields are wrong', () => {
		expect(fieldsFor({ ...validBody(), peakVisitors: 'veel', totalVisitors: 1 })).toEqual(['peakVisitors']);
		expect(fieldsFor({ ...validBody(), startsAt: 'gisteren' })).toEqual(['startsAt']);
	});
});

describe('ISO 8601 forms that name their offset', () => {
	it.each([
		['minutes only', '2026-06-13T14:00+02:00', '2026-06-13T14:00+02:00'],
		['compact offset', '2026-06-13T14:00:00+0200', '2026-06-13T14:00:00+02:00'],
		['UTC', '2026-06-13T12:00:00Z', '2026-06-13T12:00:00Z']
	])('accepts %s', (_label, startsAt, normalised) => {
		const parsed = risicoscanInputSchema.safeParse({ ...validBody(), startsAt, endsAt: '2026-06-13T23:00:00+02:00' });
		expect(parsed.success).toBe(true);
		expect(parsed.data?.startsAt).toBe(normalised);
	});

	it.each(['2026-06-13T14:00', '2026-06-13 14:00+02:00', '2026-06-13T24:00+02:00', '2026-02-29T10:00+01:00'])('refuses %s', (startsAt) => {
		const parsed = risicoscanInputSchema.safeParse({ ...validBody(), startsAt });
		expect(parsed.success).toBe(false);
	});
});
