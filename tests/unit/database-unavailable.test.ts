import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/lib/server/db/unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it('herkent een server die stopt, herstart of nog opstart', () => {
		for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08P01', '53300']) expect(isDatabaseUnavailable(withCode(code))).toBe(true);
	});

	it('herkent netwerkfouten, ook als AggregateError en als oorzaak', () => {
		expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
		expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''))).toBe(true);
		expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') }))).toBe(true);
	});

	it('herkent de eigen meldingen van pg', () => {
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
	});

	it('laat gewone fouten en invoerfouten met rust', () => {
		for (const code of ['23505', '23503', '40001', '40P01', '42P01', '22P02']) expect(isDatabaseUnavailable(withCode(code))).toBe(false);
		expect(isDatabaseUnavailable(new Error('iets anders'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
	});
});
