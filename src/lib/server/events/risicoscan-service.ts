// Scores an application without storing anything (POST /api/v1/risicoscan).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { forbidden, invalid } from '../errors';
import { DEFAULT_RISICOSCAN_MODEL, scoreRisicoscan, type RisicoscanBody, type RisicoscanModel, type RisicoscanResult } from '../../domain/risicoscan';
import { currentModel } from './settings-queries';
import { municipalityExists } from '../region/municipality-queries';

/**
 * The model a municipality scores with: the latest version its beheerder saved, or Paraat's
 * default of DOMAIN.md §2 (version 0) until then. Without a municipality: the default.
 */
async function modelFor(db: Kysely<DB>, municipality: string | undefined): Promise<RisicoscanModel> {
	if (municipality === undefined) return DEFAULT_RISICOSCAN_MODEL;
	if (!(await municipalityExists(db, municipality))) throw invalid([{ field: 'municipality', message: `Onbekende gemeente: ${municipality}` }], `Onbekende gemeente: ${municipality}`);
	return (await currentModel(db, municipality)).model;
}

export async function computeRisicoscan(db: Kysely<DB>, user: SessionUser, body: RisicoscanBody): Promise<RisicoscanResult> {
	if (!can(user, 'risicoscan.compute')) throw forbidden();
	const model = await modelFor(db, body.municipality);
	return scoreRisicoscan(body, model);
}
