// One step of a Bibob file's procedure by its name, for the API route and the file page's forms,
// which both look the step up in BIBOB_STEPS and have already parsed the input with its schema.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import type { Ctx } from './bibob-service';
import { BIBOB_STEPS, type BibobStep } from './bibob-steps';

type AnyStepRun = (db: Kysely<DB>, user: SessionUser, id: string, input: unknown, ctx: Ctx) => Promise<unknown>;

/** `input` is the output of `BIBOB_STEPS[step].schema`; the table pairs each schema with its service. */
export async function runBibobStep(db: Kysely<DB>, user: SessionUser, fileId: string, step: BibobStep, input: unknown, ctx: Ctx): Promise<unknown> {
	const run = BIBOB_STEPS[step].run as AnyStepRun;
	return run(db, user, fileId, input, ctx);
}
