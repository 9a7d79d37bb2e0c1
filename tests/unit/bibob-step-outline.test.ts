import { describe, expect, it } from 'vitest';
import { stepOutline, type OutlineFacts } from '../../src/lib/domain/bibob/step-outline.ts';

const today = '2026-06-10';
const base: OutlineFacts = { stage: 'eigen_onderzoek', ownConclusion: null, zienswijzeDueOn: null, zienswijzeReceivedOn: null };

describe('stepOutline', () => {
	it('a new file: only the investigation, everything else follows', () => {
		expect(stepOutline(base, today)).toEqual({ onderzoek: 'huidig', lbb: 'volgt', voornemen: 'volgt', besluit: 'volgt' });
		expect(stepOutline({ ...base, stage: 'vragenlijst' }, today).besluit).toBe('volgt');
	});

	it('the own conclusion opens the LBB request or the intention and decision', () => {
		expect(stepOutline({ ...base, ownConclusion: 'advies_lbb' }, today)).toEqual({ onderzoek: 'huidig', lbb: 'huidig', voornemen: 'volgt', besluit: 'volgt' });
		expect(stepOutline({ ...base, ownConclusion: 'geen_aanwijzingen' }, today)).toEqual({ onderzoek: 'huidig', lbb: 'volgt', voornemen: 'huidig', besluit: 'huidig' });
	});

	it('waiting for the LBB: the investigation is done, no decision form yet', () => {
		expect(stepOutline({ ...base, stage: 'lbb_advies', ownConclusion: 'advies_lbb' }, today)).toEqual({ onderzoek: 'klaar', lbb: 'huidig', voornemen: 'volgt', besluit: 'volgt' });
	});

	it('advice received: intention and decision are current', () => {
		expect(stepOutline({ ...base, stage: 'besluitvorming' }, today)).toEqual({ onderzoek: 'klaar', lbb: 'klaar', voornemen: 'huidig', besluit: 'huidig' });
	});

	it('during the zienswijze term the decision follows; after the answer or the term it is current', () => {
		const hearing = { ...base, stage: 'zienswijze' as const, zienswijzeDueOn: '2026-06-20' };
		expect(stepOutline(hearing, today)).toEqual({ onderzoek: 'klaar', lbb: 'klaar', voornemen: 'huidig', besluit: 'volgt' });
		expect(stepOutline({ ...hearing, zienswijzeReceivedOn: '2026-06-09' }, today)).toEqual({ onderzoek: 'klaar', lbb: 'klaar', voornemen: 'klaar', besluit: 'huidig' });
		expect(stepOutline({ ...hearing, zienswijzeDueOn: '2026-06-09' }, today).besluit).toBe('huidig');
	});

	it('a finished file shows every step as a summary', () => {
		expect(stepOutline({ ...base, stage: 'afgerond' }, today)).toEqual({ onderzoek: 'klaar', lbb: 'klaar', voornemen: 'klaar', besluit: 'klaar' });
	});
});
