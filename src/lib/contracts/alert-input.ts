import { z } from 'zod';
import { safeText } from '../validation/fields.ts';

export const FUNCTION_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export const newAlertInput = z.object({
	functions: z
		.array(z.string({ error: 'Een functie is een code, bijvoorbeeld ovd_bz.' }).regex(FUNCTION_CODE, { error: 'Onbekende functiecode.' }), {
			error: 'Kies de functies die gealarmeerd worden (functions, een lijst van codes).'
		})
		.min(1, { error: 'Kies minstens één functie om te alarmeren.' })
		.max(30, { error: 'Hoogstens 30 functies per alarmering.' }),
	message: safeText({ error: 'Vul het bericht van de alarmering in.' })
		.trim()
		.min(1, { error: 'Vul het bericht van de alarmering in.' })
		.max(1000, { error: 'Het bericht mag hoogstens 1000 tekens hebben.' })
});
export type NewAlertInput = z.output<typeof newAlertInput>;
