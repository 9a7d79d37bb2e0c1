// The roster's form inputs (/beheer/piket), as zod schemas with Dutch messages.
import { z } from 'zod';
import { safeText } from '../../validation/fields.ts';
import { FUNCTION_CODE } from '../../contracts/alert-input.ts';

const uuid = (what: string) => z.uuid({ error: `Kies ${what}.` });
const date = z.string({ error: 'Vul een datum in.' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een datum in (jjjj-mm-dd).' });
const time = z.string({ error: 'Vul een tijd in.' }).regex(/^\d{2}:\d{2}$/, { error: 'Vul een tijd in (uu:mm).' });
const optionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'Kies een backup uit de lijst.' }).optional());

export const newDutyPeriodInput = z.object({
	functionCode: z.string({ error: 'Kies een functie.' }).regex(FUNCTION_CODE, { error: 'Kies een functie.' }),
	userId: uuid('wie dienst heeft'),
	backupUserId: optionalUuid,
	startDate: date,
	startTime: time,
	endDate: date,
	endTime: time
});
export type NewDutyPeriodInput = z.output<typeof newDutyPeriodInput>;

export const dutySwapInput = z.object({
	slot: z.enum(['dienst', 'backup'], { error: 'Kies of je de dienst of de backup ruilt.' }),
	toUserId: optionalUuid,
	reason: safeText().trim().max(300, { error: 'De reden mag hoogstens 300 tekens hebben.' }).default(''),
	version: z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1)
});
export type DutySwapInput = z.output<typeof dutySwapInput>;

export const newCrisisFunctionInput = z.object({
	code: z.string({ error: 'Vul een code in.' }).trim().regex(FUNCTION_CODE, { error: 'Een code is 2–40 kleine letters, cijfers of _, beginnend met een letter (bijvoorbeeld verzorging).' }),
	name: safeText({ error: 'Vul een naam in.' }).trim().min(2, { error: 'Vul een naam in (minstens 2 tekens).' }).max(80, { error: 'De naam mag hoogstens 80 tekens hebben.' }),
	description: safeText().trim().max(300, { error: 'De omschrijving mag hoogstens 300 tekens hebben.' }).default('')
});
export type NewCrisisFunctionInput = z.output<typeof newCrisisFunctionInput>;

export const gripAlertInput = z.object({
	level: z.coerce.number({ error: 'Kies een GRIP-niveau.' }).int().min(1, { error: 'Kies GRIP 1 of hoger.' }).max(5, { error: 'Kies GRIP 1 tot en met 5.' }),
	functions: z.array(z.string().regex(FUNCTION_CODE, { error: 'Onbekende functie.' })).max(50)
});
export type GripAlertInput = z.output<typeof gripAlertInput>;
