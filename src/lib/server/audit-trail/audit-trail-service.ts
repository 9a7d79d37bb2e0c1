// What the audit page shows: the newest records in the reader's own scope. Above auth (it scopes by
// the reader's grants), while the audit log itself (audit/) stays below auth, which writes to it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { scopesFor } from '../auth/permissions.ts';
import { listAudit } from '../audit/audit.ts';

/** The page shows a screenful; older records are for an export, not for scrolling. */
const AUDIT_PAGE_LIMIT = 300;

/** The reader's permission is checked by the caller (the page's guard); this narrows to its scope. */
export async function auditTrailFor(db: Kysely<DB>, reader: SessionUser) {
	return listAudit(db, { municipalities: scopesFor(reader, 'audit.read'), limit: AUDIT_PAGE_LIMIT });
}
