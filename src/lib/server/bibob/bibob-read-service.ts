// Reading Bibob files: every read of a file (page, API, download, export) leaves a row in the
// append-only access log in the same transaction as the read; refused attempts are audited (see
// bibob-access.ts). Listing shows only the user's own municipalities and logs nothing per file:
// an overview row carries the permit and the procedure's state, not the screening's content.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { transact } from '../db/transaction';
import { notFound } from '../errors';
import { municipalityName } from '../../domain/region';
import { localDateOf } from '../../domain/bibob/terms';
import type { AccessChannel } from '../../domain/bibob/catalog';
import { bibobMunicipalities, requireFileAccess } from './bibob-access';
import { accessLogOf, filesOf, findFile, insertAccess, refusalsOf, screenableApplications } from './bibob-queries';
import { fileRecord, loadSettings, overviewRows, type BibobFileRecord, type BibobSettings, type OverviewRow } from './bibob-record';
import { renderBibobPdf } from './bibob-pdf';

export interface ReadCtx {
	ip: string | null;
	channel: AccessChannel;
	today?: string;
}

const todayOf = (ctx: { today?: string }) => ctx.today ?? localDateOf(new Date());

/** One file, logged as read through `ctx.channel`, part `part`. */
export async function readFile(db: Kysely<DB>, user: SessionUser, id: string, ctx: ReadCtx, part = 'dossier'): Promise<BibobFileRecord> {
	await requireFileAccess(db, user, id, 'bibob.read', ctx);
	return transact(db, async (trx) => {
		const row = await findFile(trx, id);
		if (!row) throw notFound();
		await insertAccess(trx, { fileId: id, userId: user.id, channel: ctx.channel, part, ip: ctx.ip });
		return fileRecord(trx, row, todayOf(ctx));
	});
}

export interface MunicipalityOverview {
	municipality: string;
	name: string;
	settings: BibobSettings;
	open: OverviewRow[];
	closed: OverviewRow[];
	destroyed: OverviewRow[];
	/** Closed files past the municipality's retention: to be destroyed. */
	forDestruction: OverviewRow[];
}

/** The overview per municipality the user is a Bibob officer of; empty for anyone else. */
export async function overview(db: Kysely<DB>, user: SessionUser, options: { today?: string } = {}): Promise<MunicipalityOverview[]> {
	const today = todayOf(options);
	const result: MunicipalityOverview[] = [];
	for (const municipality of bibobMunicipalities(user)) {
		const settings = await loadSettings(db, municipality);
		const rows = await overviewRows(db, await filesOf(db, municipality, ['open', 'afgerond', 'vernietigd']), settings, today);
		result.push({
			municipality,
			name: municipalityName(municipality),
			settings,
			open: rows.filter((r) => r.status === 'open'),
			closed: rows.filter((r) => r.status === 'afgerond'),
			destroyed: rows.filter((r) => r.status === 'vernietigd'),
			forDestruction: rows.filter((r) => r.pastRetention)
		});
	}
	return result;
}

export interface AccessReport {
	reads: { at: string; user: string; email: string; channel: string; part: string; ip: string | null }[];
	disclosures: BibobFileRecord['disclosures'];
	refusals: { at: string; user: string | null; email: string | null; action: string; channel: string; ip: string | null }[];
}

/** Who read the file, how and when; what was shared with whom; who was refused. Itself a read. */
export async function accessReport(db: Kysely<DB>, user: SessionUser, id: string, ctx: ReadCtx): Promise<{ file: BibobFileRecord; report: AccessReport }> {
	const file = await readFile(db, user, id, ctx, 'toegangsverslag');
	const [reads, refusals] = await Promise.all([accessLogOf(db, id), refusalsOf(db, id)]);
	return {
		file,
		report: {
			reads: reads.map((r) => ({ at: r.at.toISOString(), user: r.userName, email: r.userEmail, channel: r.channel, part: r.part, ip: r.ip })),
			disclosures: file.disclosures,
			refusals: refusals.map((r) => {
				const details = (r.details ?? {}) as { handeling?: string; kanaal?: string };
				return { at: r.at.toISOString(), user: r.userName, email: r.userEmail, action: details.handeling ?? '', channel: details.kanaal ?? '', ip: r.ip };
			})
		}
	};
}

/** The applications a screening may be opened on, for the officer's municipalities only. */
export async function applicationsToScreen(db: Kysely<DB>, user: SessionUser) {
	const out: { municipality: string; applications: Awaited<ReturnType<typeof screenableApplications>> }[] = [];
	for (const municipality of bibobMunicipalities(user)) out.push({ municipality, applications: await screenableApplications(db, municipality) });
	return out;
}

/** A download of the whole file (JSON) or an export (PDF); logged like every read. */
export async function exportFile(db: Kysely<DB>, user: SessionUser, id: string, format: 'json' | 'pdf', ctx: { ip: string | null; today?: string }) {
	const file = await readFile(db, user, id, { ...ctx, channel: format === 'pdf' ? 'export' : 'download' }, `export-${format}`);
	if (format === 'json') return { file, body: Buffer.from(JSON.stringify(file, null, 2)), type: 'application/json' };
	return { file, body: await renderBibobPdf(file, user.name), type: 'application/pdf' };
}
