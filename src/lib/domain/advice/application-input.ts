// The risicoscan input of a stored application: the event columns (visitors, area, times) plus
// the other answers kept in `scan_answers` in the shape of RisicoscanInput. Validated with the
// risicoscan's own schema, so routing never runs on half an answer sheet.
import { risicoscanInputSchema } from '../risicoscan/input-schema.ts';
import type { RisicoscanInput } from '../risicoscan/model.ts';

export interface ApplicationScanColumns {
	peakVisitors: number;
	totalVisitors: number | null;
	areaM2: number | null;
	startsAt: Date;
	endsAt: Date;
	scanAnswers: unknown;
}

export function risicoscanInputOf(row: ApplicationScanColumns): RisicoscanInput | undefined {
	const answers = row.scanAnswers && typeof row.scanAnswers === 'object' ? (row.scanAnswers as Record<string, unknown>) : {};
	const parsed = risicoscanInputSchema.safeParse({
		...answers,
		peakVisitors: row.peakVisitors,
		totalVisitors: row.totalVisitors ?? undefined,
		areaM2: row.areaM2 ?? undefined,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		// The municipality's own model is chosen by the caller, not by the answers.
		municipality: undefined
	});
	return parsed.success ? parsed.data : undefined;
}
