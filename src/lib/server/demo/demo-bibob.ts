// Demo mode: Bibob files at several stages, so a newcomer's Bibob overview does not start empty:
// one just opened, one in its own investigation with findings, one waiting for LBB advice and one
// decided (on a demo event application). Made through the Bibob service with each municipality's
// demo Bibob officer, so every row, audit entry and term is what the app itself produces.
// Idempotent (seeded once; a restart keeps what users changed) under a session advisory lock.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { withSessionLock } from '../db/advisory-lock';
import { bibobFileOfApplicant, bibobFileVersion, demoUserRow, firstSubmittedApplication } from './demo-queries';
import type { SessionUser } from '../auth/roles';
import { findGrants } from '../auth/session-queries';
import { logger } from '../log';
import { localDateOf } from '../../domain/bibob/terms';
import * as input from '../bibob/bibob-input';
import * as svc from '../bibob/bibob-service';

/** The applicant of the first demo file: its presence means the demo files are there. */
export const DEMO_BIBOB_MARKER = 'Kroeg De Waag Exploitatie B.V.';

const DAY_MS = 24 * 60 * 60 * 1000;

async function bibobOfficer(db: Kysely<DB>, municipality: string): Promise<SessionUser | undefined> {
	const row = await demoUserRow(db, `bibob.${municipality}@paraat.test`);
	return row ? { ...row, grants: await findGrants(db, row.id) } : undefined;
}

// Every change bumps the file's version, so each versioned step asks for the current one.
async function versionOf(db: Kysely<DB>, id: string): Promise<number> {
	return bibobFileVersion(db, id);
}

/** Seeds the demo Bibob files once; returns how many files were opened (0 when already there). */
export async function seedDemoBibob(pool: Kysely<DB>, now: Date = new Date()): Promise<number> {
	return withSessionLock(pool, 'paraat-demo-bibob', async (db) => {
		if (await bibobFileOfApplicant(db, DEMO_BIBOB_MARKER)) return 0;
		const haarlem = await bibobOfficer(db, 'haarlem');
		const zandvoort = await bibobOfficer(db, 'zandvoort');
		const velsen = await bibobOfficer(db, 'velsen');
		if (!haarlem || !zandvoort || !velsen) return 0;
		const day = (offset: number) => localDateOf(new Date(now.getTime() + offset * DAY_MS));
		const ctx: svc.Ctx = { ip: null, today: day(0) };
		let opened = 0;

		// Haarlem: a horeca file opened three days ago, only the applicant recorded so far.
		const fresh = await svc.openFile(db, haarlem, input.openFileInput.parse({ permitKind: 'horeca', municipality: 'haarlem', permitReference: 'HOR-2026-0142', permitDescription: 'Drank- en horecavergunning café aan de Grote Markt', applicantName: DEMO_BIBOB_MARKER, originalDeadline: day(53), openedOn: day(-3) }), ctx);
		await svc.addParty(db, haarlem, fresh.id, input.partyInput.parse({ kind: 'organisatie', name: DEMO_BIBOB_MARKER, kvk: '34567812' }), ctx);
		opened++;

		// Haarlem: an exploitation permit in its own investigation, with answers and findings.
		const busy = await svc.openFile(db, haarlem, input.openFileInput.parse({ permitKind: 'exploitatie', municipality: 'haarlem', permitReference: 'EXP-2026-0087', permitDescription: 'Exploitatievergunning shishalounge Zijlstraat', applicantName: 'Lounge Zijl V.O.F.', originalDeadline: day(30), openedOn: day(-26) }), ctx);
		await svc.addParty(db, haarlem, busy.id, input.partyInput.parse({ kind: 'organisatie', name: 'Lounge Zijl V.O.F.', kvk: '71234509' }), ctx);
		await svc.addParty(db, haarlem, busy.id, input.partyInput.parse({ kind: 'persoon', name: 'R. Bakker', role: 'leidinggevende' }), ctx);
		await svc.setQuestionnaire(db, haarlem, busy.id, input.questionnaireInput.parse({ version: await versionOf(db, busy.id), sentOn: day(-25), receivedOn: day(-12) }), ctx);
		await svc.addAnswer(db, haarlem, busy.id, input.answerInput.parse({ section: 'financiering', formReference: '4.1', summary: 'Inventaris gefinancierd met een lening van een familielid, zonder schriftelijke overeenkomst' }), ctx);
		await svc.addFinding(db, haarlem, busy.id, input.findingInput.parse({ indicator: 'herkomst_vermogen', description: 'Herkomst van de lening (€ 85.000) niet aangetoond', source: 'Antwoord vragenformulier 4.1 en jaarrekening', foundOn: day(-8) }), ctx);
		opened++;

		// Zandvoort: a beach pavilion; the own conclusion asks the LBB, whose advice is outstanding.
		const lbb = await svc.openFile(db, zandvoort, input.openFileInput.parse({ permitKind: 'horeca', municipality: 'zandvoort', permitReference: 'HOR-2026-0031', permitDescription: 'Strandpaviljoen Noord, overname exploitatie', applicantName: 'Strandexploitatie Noord B.V.', originalDeadline: day(12), openedOn: day(-44) }), ctx);
		await svc.addParty(db, zandvoort, lbb.id, input.partyInput.parse({ kind: 'organisatie', name: 'Strandexploitatie Noord B.V.', kvk: '65432187' }), ctx);
		await svc.setQuestionnaire(db, zandvoort, lbb.id, input.questionnaireInput.parse({ version: await versionOf(db, lbb.id), sentOn: day(-43), receivedOn: day(-30) }), ctx);
		await svc.addFinding(db, zandvoort, lbb.id, input.findingInput.parse({ indicator: 'stroman', description: 'Feitelijk leidinggevende komt niet voor in het handelsregister', source: 'RIEC-signaal', foundOn: day(-28) }), ctx);
		await svc.setConclusion(db, zandvoort, lbb.id, input.conclusionInput.parse({ version: await versionOf(db, lbb.id), conclusion: 'advies_lbb', text: 'De zeggenschap is met eigen onderzoek niet op te helderen; advies van het LBB nodig.', concludedOn: day(-22) }), ctx);
		await svc.requestLbbAdvice(db, zandvoort, lbb.id, input.lbbRequestInput.parse({ version: await versionOf(db, lbb.id), requestedOn: day(-21) }), ctx);
		opened++;

		// Velsen: a decided file on a demo event application (if one is there to screen).
		const application = await firstSubmittedApplication(db, 'velsen');
		if (application) {
			const done = await svc.openFile(db, velsen, input.openFileInput.parse({ permitKind: 'evenement', municipality: 'velsen', eventApplicationId: application.id, applicantName: application.organiserOrganisation || application.organiserName, originalDeadline: day(-5), openedOn: day(-60) }), ctx);
			await svc.setConclusion(db, velsen, done.id, input.conclusionInput.parse({ version: await versionOf(db, done.id), conclusion: 'geen_aanwijzingen', text: 'Organisator, financiering en zeggenschap zijn transparant.', concludedOn: day(-40) }), ctx);
			await svc.decide(db, velsen, done.id, input.decisionInput.parse({ version: await versionOf(db, done.id), decision: 'verlenen', decidedOn: day(-38), reasoning: 'Geen aanwijzingen voor gevaar na eigen onderzoek.', proportionality: 'Verlenen zonder voorschriften; er is geen risico dat beperkt moet worden.' }), ctx);
			opened++;
		}
		logger.info({ opened }, 'demo-Bibob-dossiers klaargezet');
		return opened;
	});
}
