// The two safety-plan reports as the files the API hands out: the PDF to read (inline) and the Word
// document to edit (attachment), both made from one report, named by its half or year, and dated
// in Amsterdam time. The routes only say which report, which period and which format.
import type { SessionUser } from '../auth/roles.ts';
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';
import type { ProgrammeReport } from '../../domain/safety-plan/programme-report.ts';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, type FileAnswer } from '../http/file-response.ts';
import { renderProgressPdf } from './safety-plan-pdf.ts';
import { renderProgressDocx } from './safety-plan-docx.ts';
import { renderProgrammePdf } from './safety-plan-programme-pdf.ts';
import { renderProgrammeDocx } from './safety-plan-programme-docx.ts';

export type ReportFormat = 'pdf' | 'docx';

export type ReportFile = FileAnswer & { content: Buffer };

/** The report services as a route has them (`locals.services.safetyPlan`), bound to the database. */
interface ReportServices {
	progressReport(user: SessionUser, id: string, half: string | null, today: string): Promise<ProgressReport>;
	programmeReport(user: SessionUser, id: string, year: string | null, today: string): Promise<ProgrammeReport>;
}

type Render<R> = (report: R, madeBy: string, madeAt: Date) => Promise<Buffer>;

async function reportFile<R>(make: (today: string) => Promise<R>, render: Render<R>, madeBy: string, baseName: string, format: ReportFormat): Promise<ReportFile> {
	const now = new Date();
	// The day of the figures Paraat counts itself: the Dutch calendar day, also just after midnight.
	const report = await make(now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }));
	const content = await render(report, madeBy, now);
	return format === 'pdf'
		? { content, type: PDF_CONTENT_TYPE, name: `${baseName}.pdf`, disposition: 'inline' }
		: { content, type: DOCX_CONTENT_TYPE, name: `${baseName}.docx`, disposition: 'attachment' };
}

/** The half-yearly progress report (`half` as `2024-1`); the service refuses a wrong half. */
export function progressFile(services: ReportServices, user: SessionUser, id: string, half: string | null, format: ReportFormat): Promise<ReportFile> {
	const render = format === 'pdf' ? renderProgressPdf : renderProgressDocx;
	return reportFile((today) => services.progressReport(user, id, half, today), render, user.name, `voortgang-${half}`, format);
}

/** The yearly execution programme (`year` as `2024`); the service refuses a wrong year. */
export function programmeFile(services: ReportServices, user: SessionUser, id: string, year: string | null, format: ReportFormat): Promise<ReportFile> {
	const render = format === 'pdf' ? renderProgrammePdf : renderProgrammeDocx;
	return reportFile((today) => services.programmeReport(user, id, year, today), render, user.name, `uitvoeringsprogramma-${year}`, format);
}
