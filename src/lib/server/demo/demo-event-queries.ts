// Writes the demo applications (one multi-row insert in the caller's transaction); their ids.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DemoApplication } from './demo-event-spec';

export async function insertDemoApplications(
	trx: Transaction<DB>,
	rows: readonly DemoApplication[],
	officers: ReadonlyMap<string, string>
): Promise<string[]> {
	if (rows.length === 0) return [];
	const values = rows.map((r) => {
		const officer = officers.get(r.municipalityCode) ?? null;
		return {
			...r,
			scanAnswers: JSON.stringify(r.scanAnswers),
			scanResult: JSON.stringify(r.scanResult),
			decidedBy: r.decision ? officer : null,
			createdBy: officer,
			updatedAt: r.decidedAt ?? r.submittedAt ?? r.createdAt
		};
	});
	const inserted = await trx.insertInto('eventApplication').values(values).returning(['id', 'status', 'createdBy', 'createdAt', 'submittedAt', 'decidedAt']).execute();
	const history = inserted.flatMap((row) => demoStatusTrail(row));
	if (history.length > 0) await trx.insertInto('eventStatusChange').values(history).execute();
	return inserted.map((row) => row.id);
}

/** The path each demo application took to its status, so its history reads like a real one. */
function demoStatusTrail(row: { id: string; status: string; createdBy: string | null; createdAt: Date; submittedAt: Date | null; decidedAt: Date | null }) {
	const path: Record<string, string[]> = {
		concept: ['concept'],
		ingediend: ['concept', 'ingediend'],
		in_behandeling: ['concept', 'ingediend', 'in_behandeling'],
		advies_gevraagd: ['concept', 'ingediend', 'in_behandeling', 'advies_gevraagd'],
		besluit: ['concept', 'ingediend', 'in_behandeling', 'besluit'],
		ingetrokken: ['concept', 'ingediend', 'ingetrokken']
	};
	const steps = path[row.status] ?? [row.status];
	const submitted = row.submittedAt ?? row.createdAt;
	const at = (step: string) =>
		step === 'concept' ? row.createdAt : step === 'besluit' || step === 'ingetrokken' ? (row.decidedAt ?? submitted) : submitted;
	return steps.map((toStatus, i) => ({
		applicationId: row.id,
		fromStatus: i === 0 ? null : steps[i - 1]!,
		toStatus,
		note: '',
		changedBy: row.createdBy,
		changedAt: at(toStatus)
	}));
}
