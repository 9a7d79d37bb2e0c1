// Writes the demo applications (one multi-row insert in the caller's transaction).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DemoApplication } from './demo-event-plan';

export async function insertDemoApplications(
	trx: Transaction<DB>,
	rows: readonly DemoApplication[],
	officers: ReadonlyMap<string, string>
): Promise<number> {
	if (rows.length === 0) return 0;
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
	const result = await trx.insertInto('eventApplication').values(values).executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0);
}
