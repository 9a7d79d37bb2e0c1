// Who may see a Bibob file: only a Bibob officer with a grant for exactly the file's municipality.
// A regional bibob grant opens no municipality's files (DOMAIN.md §3: need to know), and neither
// does any other role. To everyone else a file is indistinguishable from one that does not exist:
// the same 404 with the same message, and the same audit record of the attempt.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can, scopesFor, type Action } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { fileHeader } from './bibob-queries.ts';
import type { AccessChannel } from '../../domain/bibob/catalog.ts';

/** The municipalities whose files this user may open: exact municipal bibob grants only. */
export function bibobMunicipalities(user: SessionUser | null | undefined): string[] {
	if (!user) return [];
	return [...(scopesFor(user, 'bibob.read') ?? [])].sort();
}

/** The policy's answer for this file's municipality (it demands an exact municipal grant). */
export function mayBibob(user: SessionUser | null | undefined, action: Extract<Action, `bibob.${string}`>, municipality: string): boolean {
	return can(user, action, { municipality });
}

export const FILE_NOT_FOUND = 'Dit Bibob-dossier bestaat niet of je hebt er geen toegang toe.';

export interface AccessCtx {
	ip: string | null;
	channel: AccessChannel;
}

/**
 * The file's header when the user may use it for `action`; otherwise the attempt is audited (the
 * same way whether the file exists or not) and a 404 is thrown.
 */
export async function requireFileAccess(
	db: Kysely<DB>,
	user: SessionUser,
	id: string,
	action: 'bibob.read' | 'bibob.write',
	ctx: AccessCtx
): Promise<{ id: string; municipalityCode: string; status: string }> {
	const header = isUuid(id) ? await fileHeader(db, id) : undefined;
	if (header && mayBibob(user, action, header.municipalityCode)) return header;
	await writeAudit(db, {
		actorId: user.id,
		action: 'bibob.access_refused',
		entityType: 'bibob_dossier',
		entityId: id.slice(0, 64),
		// Never the file's municipality: the audit must not tell whether the file exists.
		municipality: null,
		ip: ctx.ip,
		details: { handeling: action, kanaal: ctx.channel }
	});
	throw notFound(FILE_NOT_FOUND);
}
