// Which part of a Bibob file is the step to work on now, which are done and which follow. The file
// page shows the current step's form, a done step as a compact summary and a following step only by
// name, so an officer sees one form at a time instead of every form at every stage. Pure.
import type { LocalDate } from '../working-days.ts';
import type { OwnConclusion } from './catalog.ts';
import type { Stage } from './procedure.ts';

export const FILE_STEPS = ['onderzoek', 'lbb', 'voornemen', 'besluit'] as const;
export type FileStep = (typeof FILE_STEPS)[number];
export type StepState = 'klaar' | 'huidig' | 'volgt';

export const FILE_STEP_LABELS: Record<FileStep, string> = {
	onderzoek: 'Betrokkenen, vragenlijst en eigen onderzoek',
	lbb: 'Advies Landelijk Bureau Bibob',
	voornemen: 'Voornemen en zienswijze',
	besluit: 'Besluit'
};

export const STEP_STATE_LABELS: Record<StepState, string> = { klaar: 'gedaan', huidig: 'nu aan de beurt', volgt: 'volgt' };

export interface OutlineFacts {
	stage: Stage;
	ownConclusion: OwnConclusion | null;
	zienswijzeDueOn: LocalDate | null;
	zienswijzeReceivedOn: LocalDate | null;
}

export type StepOutline = Record<FileStep, StepState>;

const all = (state: StepState): StepOutline => ({ onderzoek: state, lbb: state, voornemen: state, besluit: state });

export function stepOutline(facts: OutlineFacts, today: LocalDate): StepOutline {
	switch (facts.stage) {
		case 'afgerond':
		case 'vernietigd':
			return all('klaar');
		case 'eigen_onderzoek':
		case 'vragenlijst': {
			// The own conclusion says where the file goes next: to the LBB, or straight to an
			// intention or decision. Until it is drawn, the investigation is the only step.
			if (!facts.ownConclusion) return { onderzoek: 'huidig', lbb: 'volgt', voornemen: 'volgt', besluit: 'volgt' };
			if (facts.ownConclusion === 'advies_lbb') return { onderzoek: 'huidig', lbb: 'huidig', voornemen: 'volgt', besluit: 'volgt' };
			return { onderzoek: 'huidig', lbb: 'volgt', voornemen: 'huidig', besluit: 'huidig' };
		}
		case 'lbb_advies':
			return { onderzoek: 'klaar', lbb: 'huidig', voornemen: 'volgt', besluit: 'volgt' };
		case 'besluitvorming':
			return { onderzoek: 'klaar', lbb: 'klaar', voornemen: 'huidig', besluit: 'huidig' };
		case 'zienswijze': {
			// A decision waits until the applicant has answered or the zienswijze term has run out.
			const heard = facts.zienswijzeReceivedOn !== null || (facts.zienswijzeDueOn !== null && facts.zienswijzeDueOn < today);
			return heard
				? { onderzoek: 'klaar', lbb: 'klaar', voornemen: 'klaar', besluit: 'huidig' }
				: { onderzoek: 'klaar', lbb: 'klaar', voornemen: 'huidig', besluit: 'volgt' };
		}
	}
}
