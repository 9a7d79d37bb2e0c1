import { z } from 'zod';

export const loginInput = z.object({
	email: z
		.string({ error: 'Vul je e-mailadres in.' })
		.trim()
		.min(1, { error: 'Vul je e-mailadres in.' })
		.max(254, { error: 'Dit e-mailadres is te lang.' }),
	password: z
		.string({ error: 'Vul je wachtwoord in.' })
		.min(1, { error: 'Vul je wachtwoord in.' })
		.max(256, { error: 'Dit wachtwoord is te lang.' })
});
