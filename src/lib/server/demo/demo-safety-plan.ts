// Demo mode: the safety plans of the seed documents (demo-safety-plan-data.ts) with demo actions and
// demo indicator figures, each plan with its first version kept. Idempotent: a plan already there
// (by municipality, title and start year) is left as users changed it; under an advisory lock so
// two nodes starting at once seed once.
import type { Kysely } from 'kysely';
import { withSessionLock } from '../db/advisory-lock.ts';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { findPlan, insertAction, insertIndicator, insertPlan, insertPlanVersion, insertPriority, insertTarget, planExists, upsertMeasurement } from '../safety-plan/safety-plan-queries.ts';
import { DEMO_PLANS, type DemoPlan } from './demo-safety-plan-data.ts';

async function seedPlan(db: Kysely<DB>, plan: DemoPlan): Promise<void> {
	await transact(db, async (trx) => {
		const planId = await insertPlan(trx, { municipality: plan.municipality, title: plan.title, startYear: plan.startYear, endYear: plan.endYear, ambition: plan.ambition, isDemo: true });
		const priorityIds = new Map<string, string>();
		for (const [i, p] of plan.priorities.entries()) priorityIds.set(p.title, await insertPriority(trx, planId, { ...p, position: i + 1 }));
		const priority = (title: string) => {
			const id = priorityIds.get(title);
			if (!id) throw new Error(`Demo-veiligheidsplan ${plan.title}: onbekende prioriteit "${title}"`);
			return id;
		};
		for (const a of plan.actions) {
			await insertAction(trx, { planId, priorityId: priority(a.priority), year: a.year, title: a.title, owner: a.owner, plannedQuarter: a.quarter, status: a.status, isDemo: true });
		}
		for (const ind of plan.indicators) {
			const id = await insertIndicator(trx, { planId, priorityId: priority(ind.priority), title: ind.title, definition: ind.definition, source: ind.source, unit: ind.unit, direction: ind.direction, baselineYear: ind.baselineYear, baseline: ind.baseline, isDemo: true });
			for (const [year, target] of ind.targets) await insertTarget(trx, id, year, target);
			for (const [year, value] of ind.figures) {
				await upsertMeasurement(trx, id, { areaCode: '', year, value, source: ind.source, measuredOn: `${year + 1}-02-15`, isDemo: true });
			}
		}
		await insertPlanVersion(trx, (await findPlan(trx, planId))!, 'Vastgesteld (demo)', null);
	});
}

/** Seeds the demo plans that are not there yet; returns how many it added. */
export async function seedDemoSafetyPlans(pool: Kysely<DB>): Promise<number> {
	return withSessionLock(pool, 'paraat-demo-safety-plan', async (db) => {
		let added = 0;
		for (const plan of DEMO_PLANS) {
			if (await planExists(db, plan.municipality, plan.title, plan.startYear)) continue;
			await seedPlan(db, plan);
			added++;
		}
		return added;
	});
}
