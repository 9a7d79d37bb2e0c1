import { z } from 'zod';
import { safeText } from '../validation/fields.ts';

/**
 * A regional notice. `text` is the message; `message` and `body` are accepted as synonyms
 * because API clients name it either way. Without a title the first line becomes the title.
 */
export const noticeInput = z
	.object({
		title: safeText({ error: 'Titel moet tekst zijn.' }).trim().max(200, { error: 'Titel mag hoogstens 200 tekens hebben.' }).optional(),
		text: safeText({ error: 'Bericht moet tekst zijn.' }).optional(),
		message: safeText({ error: 'Bericht moet tekst zijn.' }).optional(),
		body: safeText({ error: 'Bericht moet tekst zijn.' }).optional(),
		severity: z
			.enum(['info', 'waarschuwing', 'urgent'], { error: 'Urgentie moet info, waarschuwing of urgent zijn.' })
			.optional(),
		exercise: z.boolean({ error: 'Oefening moet waar of onwaar zijn.' }).optional()
	})
	.transform((v, ctx) => {
		const text = (v.text ?? v.message ?? v.body ?? '').trim();
		if (text.length === 0 && !v.title) {
			ctx.addIssue({ code: 'custom', path: ['text'], message: 'Bericht mag niet leeg zijn.' });
			return z.NEVER;
		}
		if (text.length > 4000) {
			ctx.addIssue({ code: 'custom', path: ['text'], message: 'Bericht mag hoogstens 4000 tekens hebben.' });
			return z.NEVER;
		}
		const title = v.title || text.split('\n')[0]!.slice(0, 120);
		return { title, text: text || title, severity: v.severity ?? 'info', exercise: v.exercise ?? false };
	});

export type NoticeInput = z.output<typeof noticeInput>;
