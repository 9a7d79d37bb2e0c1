// An event application as /api/v1 returns it, and the detail view that also goes out on the
// `application:<id>` topic, so a detail page can replace what it shows with what it receives.
import type { RisicoscanResult, Category } from '../domain/risicoscan/model.ts';
import type { ScanAnswers } from '../domain/events/scan-answers.ts';
import type { ApplicationStatus, Decision, DocumentKind, Procedure } from '../domain/events/application.ts';
import type { DecisionGap } from '../domain/events/decision-guard.ts';
import type { MeldingReason } from '../domain/events/melding.ts';
import type { LocalDate } from '../domain/working-days.ts';
import type { PersonRef } from './people.ts';

/** The API's shape of an application. Editable fields carry the names the API accepts. */
export interface ApplicationDto extends ScanAnswers {
	id: string;
	reference: string;
	municipality: string;
	status: ApplicationStatus;
	procedure: Procedure | null;
	procedureReasons: MeldingReason[];
	organiserName: string;
	organiserOrganisation: string;
	organiserKvk: string;
	organiserEmail: string;
	organiserPhone: string;
	name: string;
	description: string;
	eventType: string;
	address: string;
	lat: number | null;
	lon: number | null;
	startsAt: string;
	endsAt: string;
	totalVisitors: number | null;
	peakVisitors: number;
	areaM2: number | null;
	isNewEvent: boolean;
	scan: { result: RisicoscanResult | null; modelVersion: number | null; computedCategory: Category | null };
	override: { category: Category; reason: string; by: PersonRef | null; at: string } | null;
	/** The class that counts: the override where given, else the computed one. */
	category: Category | null;
	deadlineDate: LocalDate | null;
	submittedAt: string | null;
	late: boolean;
	decision: {
		decision: Decision;
		conditions: string;
		reason: string;
		decidedAt: string;
		decidedBy: PersonRef | null;
		/** Taken although advice or documents were missing: the officer's reason and what was missing. */
		despite: { reason: string; gaps: DecisionGap[] } | null;
	} | null;
	bibobStatus: 'geen' | 'loopt' | 'afgerond';
	copiedFrom: string | null;
	createdBy: PersonRef | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface StatusChangeDto {
	fromStatus: ApplicationStatus | null;
	toStatus: ApplicationStatus;
	note: string;
	by: PersonRef | null;
	at: string;
}

/** A document's metadata; the content is read when someone downloads it. */
export interface DocumentDto {
	id: string;
	kind: DocumentKind;
	filename: string;
	mimeType: string;
	sizeBytes: number;
	uploadedBy: PersonRef | null;
	uploadedAt: string;
}

/** An application as pages and the API show it: the record with its documents, history and terms. */
export interface ApplicationView extends ApplicationDto {
	documents: DocumentDto[];
	history: StatusChangeDto[];
	requiredDocuments: { kind: DocumentKind; label: string; reason: string; present: boolean }[];
	/** The municipality's term that gave deadlineDate, in words ("12 weken"). */
	deadlineTerm: string;
	preannouncement: { due: LocalDate; reason: string; done: boolean; overdue: boolean } | null;
}
