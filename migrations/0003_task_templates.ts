import { type Kysely, sql } from 'kysely';

// Standard task cards per bevolkingszorg process, created on an incident when bevolkingszorg is
// activated for it. A beheerder edits them; `due_minutes` counts from the incident's start.

const TEMPLATES: { process: string; title: string; description: string; priority: string; dueMinutes: number | null }[] = [
	{ process: 'crisiscommunicatie', title: 'Eerste publieksbericht uitgeven', description: 'Kernboodschap met handelingsperspectief via website, sociale media en zo nodig NL-Alert; afstemmen met de woordvoerder van de burgemeester.', priority: 'urgent', dueMinutes: 30 },
	{ process: 'crisiscommunicatie', title: 'Omgevingsanalyse: wat leeft er bij publiek en media', description: 'Vragen, zorgen en geruchten monitoren en elk uur terugkoppelen aan het team.', priority: 'hoog', dueMinutes: 60 },
	{ process: 'crisiscommunicatie', title: 'Persmoment en woordvoering voorbereiden', description: '', priority: 'normaal', dueMinutes: 120 },
	{ process: 'publieke_zorg', title: 'Opvanglocatie openen en inrichten', description: 'Locatie kiezen en gereedmaken, binnen 3 uur na het incident (norm Bevolkingszorg op orde 2.0).', priority: 'urgent', dueMinutes: 150 },
	{ process: 'publieke_zorg', title: 'Registratie van opgevangen personen', description: 'Wie is waar opgevangen; basis voor informeren verwanten.', priority: 'hoog', dueMinutes: 180 },
	{ process: 'publieke_zorg', title: 'Verzorging: eten, drinken, medicijnen, nachtopvang', description: '', priority: 'normaal', dueMinutes: 240 },
	{ process: 'publieke_zorg', title: 'Tijdelijke huisvesting regelen', description: 'Voor wie niet terug kan naar huis, binnen 48 uur.', priority: 'normaal', dueMinutes: 2880 },
	{ process: 'informeren_verwanten', title: 'Publieksinformatienummer openen', description: 'Telefoonnummer voor verwanten en betrokkenen bekendmaken via crisiscommunicatie.', priority: 'hoog', dueMinutes: 60 },
	{ process: 'informeren_verwanten', title: 'Gegevens slachtoffers en verwanten afstemmen', description: 'Met politie en GHOR; verwanten persoonlijk informeren.', priority: 'hoog', dueMinutes: 180 },
	{ process: 'omgevingszorg', title: 'Schade en risico’s in de openbare ruimte in kaart brengen', description: 'Gebouwen, wegen, nutsvoorzieningen; afzettingen waar nodig.', priority: 'hoog', dueMinutes: 120 },
	{ process: 'omgevingszorg', title: 'Milieu en volksgezondheid: metingen afstemmen', description: 'Met omgevingsdienst en GGD (bijvoorbeeld luchtmetingen bij brand).', priority: 'normaal', dueMinutes: 180 },
	{ process: 'nafase', title: 'Coördinator nafase aanwijzen', description: 'Plan voor herstel, nazorg en evaluatie starten terwijl de acute fase loopt.', priority: 'normaal', dueMinutes: 360 },
	{ process: 'nafase', title: 'Nazorg en evaluatie plannen', description: 'Nazorg voor getroffenen en hulpverleners; evaluatie met alle betrokken gemeenten.', priority: 'laag', dueMinutes: 2880 }
];

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('task_template')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('process', 'text', (c) =>
			c.notNull().check(sql`process in ('crisiscommunicatie','publieke_zorg','informeren_verwanten','omgevingszorg','nafase')`)
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('priority', 'text', (c) => c.notNull().defaultTo('normaal').check(sql`priority in ('laag','normaal','hoog','urgent')`))
		.addColumn('due_minutes', 'integer', (c) => c.check(sql`due_minutes >= 0`))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db
		.insertInto('task_template' as never)
		.values(TEMPLATES.map((t, i) => ({ process: t.process, title: t.title, description: t.description, priority: t.priority, due_minutes: t.dueMinutes, sort_order: i })) as never)
		.execute();
	await db.schema.alterTable('incident').addColumn('bevolkingszorg_activated_at', 'timestamptz').execute();
	await db.schema.alterTable('task').addColumn('template_id', 'uuid', (c) => c.references('task_template.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('task').dropColumn('template_id').execute();
	await db.schema.alterTable('incident').dropColumn('bevolkingszorg_activated_at').execute();
	await db.schema.dropTable('task_template').execute();
}
