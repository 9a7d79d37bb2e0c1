import { describe, expect, it } from 'vitest';
import {
	checkDecision,
	checkIntention,
	checkLbbAdvice,
	checkLbbExtension,
	checkQuestionnaire,
	checkZienswijze,
	type ProcedureState
} from '../../src/lib/domain/bibob/procedure.ts';

const open: ProcedureState = {
	status: 'open',
	openedOn: '2026-03-02',
	questionnaireSentOn: null,
	lbbRequestedOn: null,
	lbbExtendedOn: null,
	lbbReceivedOn: null,
	intention: null,
	intentionOn: null,
	zienswijzeDueOn: null,
	zienswijzeReceivedOn: null
};
const today = '2026-09-01';

describe('the order of a Bibob procedure', () => {
	it('refuses dates in the wrong order, naming the field', () => {
		expect(checkQuestionnaire(open, { sentOn: '2026-03-10', receivedOn: '2026-03-05' }, today)).toMatchObject({ status: 400, code: 'date_order', field: 'receivedOn' });
		expect(checkQuestionnaire(open, { sentOn: '2026-03-01', receivedOn: null }, today)).toMatchObject({ code: 'date_order', field: 'sentOn' });
		expect(checkQuestionnaire(open, { sentOn: '2026-09-02', receivedOn: null }, today)).toMatchObject({ code: 'date_order', field: 'sentOn' });
		expect(checkQuestionnaire(open, { sentOn: '2026-03-10', receivedOn: '2026-03-20' }, today)).toBeNull();
	});

	it('refuses a decision before the LBB advice', () => {
		const pending = { ...open, lbbRequestedOn: '2026-03-10' };
		expect(checkDecision(pending, { decision: 'verlenen', decidedOn: '2026-04-01' }, today)).toMatchObject({ status: 409, code: 'advice_pending' });
		expect(checkIntention(pending, '2026-04-01', today)).toMatchObject({ code: 'advice_pending' });
	});

	it('refuses a negative decision without an intention, and one during the zienswijze term', () => {
		const advised = { ...open, lbbRequestedOn: '2026-03-10', lbbReceivedOn: '2026-04-10' };
		expect(checkDecision(advised, { decision: 'weigeren', decidedOn: '2026-04-20' }, today)).toMatchObject({ code: 'hearing_required' });
		expect(checkDecision(advised, { decision: 'verlenen', decidedOn: '2026-04-20' }, today)).toBeNull();
		const intended = { ...advised, intention: 'weigeren' as const, intentionOn: '2026-04-13', zienswijzeDueOn: '2026-04-28' };
		expect(checkDecision(intended, { decision: 'weigeren', decidedOn: '2026-04-28' }, today)).toMatchObject({ code: 'hearing_term_running', field: 'decidedOn' });
		expect(checkDecision(intended, { decision: 'weigeren', decidedOn: '2026-04-29' }, today)).toBeNull();
		// Once the zienswijze is in, the decision may follow it.
		expect(checkDecision({ ...intended, zienswijzeReceivedOn: '2026-04-20' }, { decision: 'weigeren', decidedOn: '2026-04-21' }, today)).toBeNull();
		expect(checkDecision({ ...intended, zienswijzeReceivedOn: '2026-04-20' }, { decision: 'weigeren', decidedOn: '2026-04-19' }, today)).toMatchObject({ code: 'date_order' });
	});

	it('refuses a decision that goes further than the intention', () => {
		const conditions = { ...open, intention: 'voorschriften' as const, intentionOn: '2026-04-01', zienswijzeDueOn: '2026-04-15', zienswijzeReceivedOn: '2026-04-10' };
		expect(checkDecision(conditions, { decision: 'weigeren', decidedOn: '2026-04-20' }, today)).toMatchObject({ code: 'beyond_intention' });
		expect(checkDecision(conditions, { decision: 'verlenen_met_voorschriften', decidedOn: '2026-04-20' }, today)).toBeNull();
	});

	it('extends the LBB term once, within the first 8 weeks', () => {
		const requested = { ...open, lbbRequestedOn: '2026-03-02' };
		expect(checkLbbExtension(requested, '2026-04-20', today)).toBeNull();
		expect(checkLbbExtension(requested, '2026-04-29', today)).toMatchObject({ code: 'date_order' });
		expect(checkLbbExtension({ ...requested, lbbExtendedOn: '2026-04-01' }, '2026-04-20', today)).toMatchObject({ code: 'lbb_already_extended' });
		expect(checkLbbExtension(open, '2026-04-20', today)).toMatchObject({ code: 'lbb_not_requested' });
	});

	it('records advice and zienswijze only after what they answer', () => {
		expect(checkLbbAdvice(open, '2026-04-01', today)).toMatchObject({ code: 'lbb_not_requested' });
		expect(checkLbbAdvice({ ...open, lbbRequestedOn: '2026-03-10' }, '2026-03-09', today)).toMatchObject({ code: 'date_order' });
		expect(checkZienswijze(open, '2026-04-01', today)).toMatchObject({ code: 'no_intention' });
	});

	it('refuses any change to a closed file', () => {
		expect(checkDecision({ ...open, status: 'afgerond' }, { decision: 'verlenen', decidedOn: '2026-04-01' }, today)).toMatchObject({ code: 'file_closed' });
	});
});

describe('disclosure grounds', () => {
	it('each ground covers only its own recipients, and every recipient has a ground', async () => {
		const { DISCLOSURE_GROUND_CODES, RECIPIENT_KINDS, groundAllows } = await import('../../src/lib/domain/bibob/catalog.ts');
		expect(groundAllows('riec', 'riec')).toBe(true);
		expect(groundAllows('riec', 'aanvrager')).toBe(false);
		expect(groundAllows('derde_in_advies', 'derde')).toBe(true);
		for (const recipient of RECIPIENT_KINDS) expect(DISCLOSURE_GROUND_CODES.some((g) => groundAllows(g, recipient)), recipient).toBe(true);
	});
});
