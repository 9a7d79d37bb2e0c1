// The standard task cards a beheerder keeps per process.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { conflict, forbidden } from '../errors';
import { findTemplate, insertTemplate, listTemplates, updateTemplate } from './template-queries';
import type { TemplateInput, TemplateUpdateInput } from './template-input';

interface Ctx {
	ip: string | null;
}

function requireManage(user: SessionUser) {
	// Templates are regional: the same cards for every municipality.
	if (!can(user, 'templates.manage', { municipality: null })) throw forbidden('Alleen een regionale beheerder bewerkt de standaardtaken.');
}

export async function templatesFor(db: Kysely<DB>, user: SessionUser) {
	requireManage(user);
	return listTemplates(db, { activeOnly: false });
}

export async function addTemplate(db: Kysely<DB>, user: SessionUser, input: TemplateInput, ctx: Ctx) {
	requireManage(user);
	return transact(db, async (trx) => {
		const template = await insertTemplate(trx, input);
		await writeAudit(trx, { actorId: user.id, action: 'template.created', entityType: 'taakkaart', entityId: template.id, ip: ctx.ip, details: { process: input.process, title: input.title } });
		return template;
	});
}

export async function saveTemplate(db: Kysely<DB>, user: SessionUser, input: TemplateUpdateInput, ctx: Ctx) {
	requireManage(user);
	return transact(db, async (trx) => {
		const { id, version, ...values } = input;
		const updated = await updateTemplate(trx, id, version, values);
		if (!updated) {
			throw (await findTemplate(trx, id))
				? conflict('Iemand anders heeft deze taakkaart net gewijzigd. Laad de pagina opnieuw en pas je wijziging opnieuw toe.')
				: forbidden('Deze taakkaart bestaat niet.');
		}
		await writeAudit(trx, { actorId: user.id, action: 'template.updated', entityType: 'taakkaart', entityId: id, ip: ctx.ip, details: { active: values.active } });
		return updated;
	});
}
