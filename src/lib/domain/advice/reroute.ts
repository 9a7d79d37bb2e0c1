// Advice follows the class (our rule). When the class that counts changes after advice was asked,
// the requests are re-routed: to class C, one joint request replaces the open separate ones; from
// C to B, the separate requests the routing needs replace an open joint one. Answered advice is
// never withdrawn (it stays on the file), and an answered joint advice already covers B. A change
// to or from class A leaves the requests alone: the officer decides whether advice is still wanted.
import type { Category } from '../risicoscan/model.ts';
import { planAdviceRequests, type AdviceRouting, type PlannedRequest } from './routing.ts';
import type { AdviceKind, AdviceStatus } from './vocabulary.ts';

export interface ExistingRequest {
	id: string;
	kind: AdviceKind;
	status: AdviceStatus;
	voluntary: boolean;
}

export interface ReroutePlan {
	/** Open requests to withdraw, with the reason the advisers read. */
	withdraw: { id: string; kind: AdviceKind }[];
	create: PlannedRequest[];
	reason: string;
}

const NOTHING: ReroutePlan = { withdraw: [], create: [], reason: '' };

export function planReroute(from: Category | null, routing: AdviceRouting, requests: readonly ExistingRequest[]): ReroutePlan {
	const to = routing.category;
	const live = requests.filter((r) => r.status !== 'ingetrokken');
	if (from === to || live.length === 0 || from === null || from === 'A' || to === 'A') return NOTHING;
	const open = live.filter((r) => r.status === 'gevraagd');
	if (to === 'C') {
		const withdraw = open.filter((r) => r.kind !== 'joint').map(({ id, kind }) => ({ id, kind }));
		const create = planAdviceRequests(routing, { existing: live.filter((r) => r.kind === 'joint').map((r) => r.kind) });
		return {
			withdraw,
			create,
			reason: `De klasse is gewijzigd van ${from} naar C: de hulpdiensten geven nu één gezamenlijk advies. Deze aparte aanvraag vervalt; het gezamenlijke advies staat in de inbox.`
		};
	}
	// To B (from C).
	if (live.some((r) => r.kind === 'joint' && r.status === 'uitgebracht')) return NOTHING;
	const withdraw = open.filter((r) => r.kind === 'joint').map(({ id, kind }) => ({ id, kind }));
	const create = planAdviceRequests(routing, { existing: live.filter((r) => r.kind !== 'joint').map((r) => r.kind) });
	return {
		withdraw,
		create,
		reason: `De klasse is gewijzigd van ${from} naar ${to}: elke hulpdienst adviseert nu apart. Het gezamenlijke advies vervalt; de aparte aanvragen staan in de inbox.`
	};
}
