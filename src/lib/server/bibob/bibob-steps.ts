// Every change to a Bibob file as one table: the input schema and the service call. The API route
// /api/v1/bibob/files/:id/:step and the file page's form actions both use it, so both accept and
// refuse exactly the same things.
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import {
	answerInput,
	closeInput,
	conclusionInput,
	decisionInput,
	destroyInput,
	disclosureInput,
	extraQuestionInput,
	findingInput,
	intentionInput,
	lbbAdviceInput,
	lbbExtensionInput,
	lbbRequestInput,
	partyInput,
	questionnaireInput,
	zienswijzeInput
} from './bibob-input.ts';
import {
	addAnswer,
	addExtraQuestion,
	addFinding,
	addParty,
	closeFile,
	decide,
	extendLbbTerm,
	recordDisclosure,
	recordIntention,
	recordLbbAdvice,
	recordZienswijze,
	requestLbbAdvice,
	setConclusion,
	setQuestionnaire,
	type Ctx
} from './bibob-service.ts';
import { destroyFile } from './bibob-retention-service.ts';

interface Step<S extends z.ZodType> {
	schema: S;
	summary: string;
	run: (db: Kysely<DB>, user: SessionUser, id: string, input: z.output<S>, ctx: Ctx) => Promise<unknown>;
	/** 201 for something added, 200 for a change. */
	created?: boolean;
}

const step = <S extends z.ZodType>(s: Step<S>) => s;

export const BIBOB_STEPS = {
	parties: step({ schema: partyInput, summary: 'Betrokkene toevoegen (organisatie met KvK-nummer of persoon met rol)', run: addParty, created: true }),
	questionnaire: step({ schema: questionnaireInput, summary: 'Vragenlijst: verzonden, antwoordtermijn, ontvangen', run: setQuestionnaire }),
	answers: step({ schema: answerInput, summary: 'Antwoord per onderdeel met het vraagnummer van het Bibob-vragenformulier', run: addAnswer, created: true }),
	'extra-questions': step({ schema: extraQuestionInput, summary: 'Aanvullende vragen aan de aanvrager (schorten de beslistermijn op)', run: addExtraQuestion, created: true }),
	findings: step({ schema: findingInput, summary: 'Bevinding van het eigen onderzoek met indicator, bron en datum', run: addFinding, created: true }),
	conclusion: step({ schema: conclusionInput, summary: 'Conclusie van het eigen onderzoek', run: setConclusion }),
	'lbb-request': step({ schema: lbbRequestInput, summary: 'Advies gevraagd aan het LBB (8 weken, beslistermijn opgeschort)', run: requestLbbAdvice }),
	'lbb-extension': step({ schema: lbbExtensionInput, summary: 'Adviestermijn LBB eenmaal verlengd met 4 weken', run: extendLbbTerm }),
	'lbb-advice': step({ schema: lbbAdviceInput, summary: 'Advies van het LBB ontvangen met conclusie', run: recordLbbAdvice }),
	intention: step({ schema: intentionInput, summary: 'Voornemen (voorschriften, weigeren, intrekken); opent de zienswijzetermijn', run: recordIntention }),
	zienswijze: step({ schema: zienswijzeInput, summary: 'Zienswijze ontvangen', run: recordZienswijze }),
	decision: step({ schema: decisionInput, summary: 'Besluit met motivering en evenredigheidsafweging; rondt het dossier af', run: decide }),
	close: step({ schema: closeInput, summary: 'Afsluiten zonder besluit (bijv. aanvraag ingetrokken)', run: closeFile }),
	disclosures: step({ schema: disclosureInput, summary: 'Verstrekking met ontvanger, grondslag (art. 28 Wet Bibob), datum en wat is verstrekt', run: recordDisclosure, created: true }),
	destroy: step({ schema: destroyInput, summary: 'Vernietigen na de bewaartermijn (bevestigd); laat een minimaal spoor', run: destroyFile })
} as const;

export type BibobStep = keyof typeof BIBOB_STEPS;

export function isBibobStep(value: string): value is BibobStep {
	return Object.hasOwn(BIBOB_STEPS, value);
}
