// What the officer's AdvicePanel shows for one application (loaded by loadAdvicePanel on the server).
import type { AdviceRequestRecord } from './record.ts';
import type { AdviceRouting } from './routing.ts';
import type { AdviceDiscipline, AdviceKind } from './vocabulary.ts';

/** Everything AdvicePanel shows for one application. */
export interface AdvicePanelData {
	applicationId: string;
	reference: string;
	name: string;
	municipality: string;
	category: 'A' | 'B' | 'C' | null;
	status: string;
	requests: AdviceRequestRecord[];
	/** Who must advise and why, by the class that counts now; null without class or complete scan. */
	routing: AdviceRouting | null;
	/** The kinds "Advies vragen" creates now (without voluntary choices). */
	planned: AdviceKind[];
	/** Disciplines the officer may add of their own accord (not required, not yet asked). */
	voluntaryOptions: AdviceDiscipline[];
	/** The officer may ask (event.write, and the application's status allows it). */
	canRequest: boolean;
	/** The officer may withdraw open requests (event.write in the municipality). */
	canWithdraw: boolean;
	/** Why asking is not possible now, in Dutch; null when it is. */
	blocker: string | null;
	terms: { termDaysB: number; termDaysC: number };
	/** Local date (Europe/Amsterdam) the due marks are computed against. */
	today: string;
	/** Position of `advice:<applicationId>` the requests reflect. */
	seq: number;
}
