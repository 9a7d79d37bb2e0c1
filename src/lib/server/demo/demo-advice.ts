// Demo mode: advice on the demo applications (class B and C, in advies_gevraagd or besluit), made
// through the advice service with the demo officers and advisers, so every row, audit entry and
// realtime event is what the app itself produces. Decided applications have all their advice in;
// of the ones still waiting some advice is in, some open, and one or two are over their term.
// Idempotent (an application with requests is left alone); does nothing without such applications.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { withSessionLock } from '../db/advisory-lock';
import { applicationsWithoutAdvice, demoUserRow } from './demo-queries';
import type { SessionUser } from '../auth/roles';
import { findGrants } from '../auth/session-queries';
import { logger } from '../log';
import {
	ADVICE_DISCIPLINES,
	JOINT_C,
	MEETING_C,
	POLITIE_ALWAYS_B,
	SAFETY_PLAN_C,
	planAdviceRequests,
	termDaysFor,
	type AdviceConclusion,
	type AdviceDiscipline,
	type AdviceKind,
	type PlannedRequest
} from '../../domain/advice';
import type { Advice, Category } from '../../domain/risicoscan';
import { findApplicationForAdvice, type AdviceApplicationRow } from '../advice-access/advice-queries';
import { adviceSettingsOf } from '../advice-access/advice-settings-queries';
import { answerAdvice, recordAdviceRequests, routingOf } from '../advice/advice-service';

const DAY_MS = 24 * 60 * 60 * 1000;

async function demoUser(db: Kysely<DB>, email: string): Promise<SessionUser | undefined> {
	const row = await demoUserRow(db, email);
	return row ? { ...row, grants: await findGrants(db, row.id) } : undefined;
}

const ADVISER_EMAIL: Record<AdviceDiscipline, (m: string) => string> = {
	brandweer: (m) => `adviseur.${m}@paraat.test`,
	ghor: (m) => `adviseur-ghor.${m}@paraat.test`,
	politie: (m) => `adviseur-politie.${m}@paraat.test`
};

interface DemoAdvice {
	advice: string;
	conditions: string[];
}

// Realistic texts, after the pattern of the advice VRK and the police give on event permits.
const TEXTS: Record<AdviceKind, DemoAdvice> = {
	brandweer: {
		advice:
			'De brandweer heeft de aanvraag en de plattegrond beoordeeld op brandveiligheid en bereikbaarheid. De opzet is in orde, mits ' +
			'onderstaande voorschriften worden opgenomen in de vergunning. De brandweer behoudt zich het recht voor vooraf te schouwen.',
		conditions: [
			'Nooduitgangen zijn minimaal 2,5 meter breed, vrij van obstakels en aangeduid met vluchtrouteaanduiding.',
			'Een doorgang van minimaal 3,5 meter breed en 4,2 meter hoog blijft vrij voor hulpverleningsvoertuigen.',
			'Bij elke tent, kraam met bakactiviteit en aggregaat staat een gekeurd blusmiddel (6 kg poeder of 6 liter schuim).',
			'Gasflessen staan buiten de tent, rechtop en beschermd tegen omvallen; per kraam hoogstens twee flessen.',
			'Tenten groter dan 50 m² hebben een geldig tentboek of certificaat (NEN-EN 13782) dat ter inzage ligt.'
		]
	},
	ghor: {
		advice:
			'De GHOR heeft het evenement getoetst aan de Veldnorm evenementenzorg. Gezien het aantal bezoekers en het alcoholgebruik ' +
			'is een professionele EHBO-voorziening nodig. Met de voorschriften hieronder is de geneeskundige zorg voldoende geborgd.',
		conditions: [
			'De organisator zet een EHBO-post in met minimaal vier gediplomeerde hulpverleners gedurende het hele evenement.',
			'De EHBO-post is bereikbaar voor de ambulance en heeft een coördinator die direct aanspreekbaar is.',
			'Gratis drinkwater is op minimaal twee tappunten beschikbaar; bij meer dan 27 °C treedt het hitteplan in werking.',
			'Het medisch plan wordt uiterlijk twee weken voor aanvang aan de GHOR gestuurd.'
		]
	},
	politie: {
		advice:
			'De politie heeft geen bezwaar tegen het evenement, mits de openbare orde en de verkeersveiligheid worden geborgd ' +
			'zoals hieronder beschreven. Het basisteam wordt vooraf geïnformeerd over de contactpersoon van de organisatie.',
		conditions: [
			'Bij elke wegafsluiting staan gecertificeerde verkeersregelaars.',
			'Beveiliging door een erkend beveiligingsbedrijf: minimaal één beveiliger per 250 bezoekers.',
			'De alcoholverstrekking stopt dertig minuten voor het einde; geen verkoop aan personen onder de 18 jaar.'
		]
	},
	joint: {
		advice:
			'Brandweer, GHOR en politie hebben het evenement besproken in het multidisciplinair overleg met de gemeente en de organisator. ' +
			'Dit gezamenlijke advies vervangt de afzonderlijke adviezen. Het evenement kan doorgaan met onderstaande voorschriften; ' +
			'het veiligheidsplan van de organisator is daarvan de uitwerking.',
		conditions: [
			'Het veiligheidsplan wordt uiterlijk vier weken voor aanvang definitief ingediend en in een tweede overleg besproken.',
			'Op het terrein is een commandopost met vertegenwoordigers van organisatie, beveiliging, EHBO en (op afroep) de hulpdiensten.',
			'Calamiteitenroutes van minimaal 3,5 meter breed blijven vrij en worden vooraf met de brandweer geschouwd.',
			'De EHBO-capaciteit volgt de Veldnorm evenementenzorg voor de verwachte piekbezetting, met een arts op het terrein.',
			'Crowd management: de bezoekersdichtheid wordt gemonitord; bij meer dan 2,4 personen per m² worden toegangen gesloten.',
			'Vuurwerk wordt alleen afgestoken door een erkend bedrijf, met een veiligheidszone die vooraf is goedgekeurd.'
		]
	}
};

const NEGATIVE: DemoAdvice = {
	advice:
		'De hulpdiensten adviseren negatief. Op de gekozen datum is in de regio onvoldoende capaciteit, en de aanrijroutes voor ' +
		'hulpverleningsvoertuigen zijn met de voorgestelde opzet niet gewaarborgd.',
	conditions: []
};

/** The requests for an application: by its routing, or (answers incomplete) by the stored scan's advice. */
function planFor(row: AdviceApplicationRow): { category: Category; requests: PlannedRequest[] } | undefined {
	const category = row.category as Category | null;
	if (category !== 'B' && category !== 'C') return undefined;
	const routing = routingOf(row);
	if (routing) return { category, requests: planAdviceRequests(routing) };
	if (category === 'C') return { category, requests: [{ kind: 'joint', reasons: [JOINT_C, MEETING_C, SAFETY_PLAN_C], voluntary: false }] };
	const advice = ((row.scanResult as { advice?: Advice } | null)?.advice ?? { politie: true }) as Partial<Advice>;
	const requests = ADVICE_DISCIPLINES.filter((d) => d === 'politie' || advice[d]).map((d) => ({
		kind: d,
		reasons: d === 'politie' ? [POLITIE_ALWAYS_B] : ['Klasse B (zie de risicoscan)'],
		voluntary: false
	}));
	return { category, requests };
}

/** Seeds once, also when several nodes start together (a session advisory lock). */
export async function seedDemoAdvice(pool: Kysely<DB>, now: Date = new Date()): Promise<number> {
	return withSessionLock(pool, 'paraat-demo-advice', (db) => seed(db, now));
}

async function seed(db: Kysely<DB>, now: Date): Promise<number> {
	const candidates = await applicationsWithoutAdvice(db);
	let waiting = 0;
	let seeded = 0;
	for (const candidate of candidates) {
		const row = await findApplicationForAdvice(db, candidate.id);
		const plan = row && planFor(row);
		const officer = row && (await demoUser(db, `vergunningverlener.${row.municipalityCode}@paraat.test`));
		if (!row || !plan || plan.requests.length === 0 || !officer) continue;

		const decided = candidate.status === 'besluit';
		// Decided: asked five weeks before the decision. Waiting: the first two are over their term,
		// the third nearly due, the rest asked recently.
		const decidedAt = candidate.decidedAt ?? now;
		const term = termDaysFor(plan.category, await adviceSettingsOf(db, row.municipalityCode));
		const agoDays = decided ? null : ([term + 5, term + 3, term - 2][waiting] ?? 2 + ((waiting * 3) % 12));
		const requestedAt = decided ? new Date(decidedAt.getTime() - 35 * DAY_MS) : new Date(now.getTime() - agoDays! * DAY_MS);
		const created = await recordAdviceRequests(db, officer, row.id, plan, { now: requestedAt });
		if (created.length === 0) continue;
		seeded++;

		for (const [i, request] of created.entries()) {
			// Waiting applications: every other one has its first advice in; the overdue ones none.
			const answer = decided || (waiting >= 2 && waiting % 2 === 0 && i === 0);
			if (!answer) continue;
			const discipline: AdviceDiscipline = request.discipline === 'joint' ? 'brandweer' : request.discipline;
			const adviser = await demoUser(db, ADVISER_EMAIL[discipline](row.municipalityCode));
			if (!adviser) continue;
			const refused = decided && row.decision === 'geweigerd';
			const text = refused ? NEGATIVE : TEXTS[request.discipline];
			const conclusion: AdviceConclusion = refused ? 'negatief' : text.conditions.length > 0 ? 'positief_met_voorwaarden' : 'positief';
			const answeredAt = new Date(Math.min(requestedAt.getTime() + (12 + i * 3) * DAY_MS, now.getTime() - 60_000));
			await answerAdvice(db, adviser, request.id, { version: request.version, advice: text.advice, conditions: text.conditions, conclusion }, { now: answeredAt });
		}
		if (!decided) waiting++;
	}
	if (seeded > 0) logger.info({ applications: seeded }, 'demo-adviezen aangemaakt');
	return seeded;
}
