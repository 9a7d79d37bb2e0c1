// An application as pages and the API show it: the record (ApplicationDto) with its documents,
// status history, required documents and vooraankondiging. The same shape goes out on the
// `application:<id>` topic, so a detail page can replace what it shows with what it receives.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { DOCUMENT_KIND_LABELS } from '../../domain/events/application';
import { requiredDocuments } from '../../domain/events/required-documents';
import { describeTerm, preannouncement } from '../../domain/events/deadlines';
import { localDate } from '../../domain/events/event-time';
import type { LocalDate } from '../../domain/working-days';
import { applicationById, statusHistory, toApplicationDto, type ApplicationRow } from './application-queries';
import { documentsOf } from './document-queries';
import { settingsOf } from './settings-queries';
import type { ApplicationView } from '../../contracts/application.ts';
export type { ApplicationView };

type Db = Kysely<DB> | Transaction<DB>;

export async function viewOf(db: Db, row: ApplicationRow, today: LocalDate = localDate(new Date())): Promise<ApplicationView> {
	const dto = toApplicationDto(row);
	const [documents, history, { settings }] = [await documentsOf(db, row.id), await statusHistory(db, row.id), await settingsOf(db, row.municipalityCode)];
	const present = new Set(documents.map((d) => d.kind));
	const required = requiredDocuments({ procedure: dto.procedure, category: dto.category, activities: dto.activities }).map((r) => ({
		kind: r.kind,
		label: DOCUMENT_KIND_LABELS[r.kind],
		reason: r.reason,
		present: present.has(r.kind)
	}));
	const pre = preannouncement(settings.preannouncement, dto);
	const reference = dto.submittedAt ? localDate(dto.submittedAt) : today;
	return {
		...dto,
		documents,
		history,
		requiredDocuments: required,
		deadlineTerm: describeTerm(dto.procedure === 'melding' ? settings.meldingTerm : settings.permitTerm),
		preannouncement: pre ? { due: pre.due, reason: pre.reason, done: dto.preannounced, overdue: !dto.preannounced && reference > pre.due } : null
	};
}

export async function applicationView(db: Db, id: string): Promise<ApplicationView | undefined> {
	const row = await applicationById(db, id);
	return row ? viewOf(db, row) : undefined;
}
