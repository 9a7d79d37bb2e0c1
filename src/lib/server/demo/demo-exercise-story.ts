// The demo exercise's script: a dune fire near Parnassia (Bloemendaal) whose smoke drifts over
// Zandvoort, told minute by minute from the alarm (T0) as the region would work it (DOMAIN.md §4,
// §5, §6): GRIP 1 with a CoPI, GRIP 2 with the ROT, GRIP 3 with the mayor of Zandvoort's GBT; each
// discipline logs and keeps its own part of the picture as its own officer, the crisis team's
// information manager verifies, bevolkingszorg's tasks move from open to in uitvoering to gereed
// (one blocked), the brandweer asks for water, the disciplines draw the CoPI, the cordon, the
// fire's area, the shelter and the area to evacuate on the map, and the oefenleider's injects are
// still to come.
// Every step runs through the services at its own minute (`ctx.now`), never later than now.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import type { Clocked } from '../clock';
import { changeGrip, createIncident } from '../incidents/incident-service';
import { activateBevolkingszorg, changeTask, tasksOfIncident } from '../tasks/task-service';
import type { TaskChangeInput } from '../tasks/task-input';
import { assignUnit, changeUnitStatus, createWaterRequest, requestsOfIncident } from '../bluswater/bluswater-service';
import { addLogEntry, verifyLogEntry } from '../logbook/log-service';
import { changeSection, pictureOf, publishSitrap } from '../logbook/picture-service';
import { createInject } from '../injects/inject-service';
import { addFeature } from '../map/map-service';
import { newFeatureInput } from '../../contracts/map-feature';
import type { FeatureType } from '../../domain/map/feature-types';
import { waterUnitByCode } from './demo-queries';
import type { LogDiscipline, LogKind } from '../../domain/logbook';
import type { PictureSection } from '../../domain/situation';
import type { UnitStatus } from '../../domain/bluswater';

export const DEMO_EXERCISE_TITLE = 'Oefening Duinbrand Kennemerduinen';

/** The alarm was this long ago when the demo is seeded: the story's last step lies before now. */
export const STORY_LENGTH_MINUTES = 75;

/** The demo accounts that act in the story, by a short name. */
export const CAST = {
	oefenleider: 'oefenleider@paraat.test',
	crisisteam: 'crisisteam@paraat.test',
	brandweer: 'brandweer@paraat.test',
	ghor: 'ghor@paraat.test',
	politie: 'politie@paraat.test',
	zandvoort: 'bevolkingszorg.zandvoort@paraat.test',
	velsen: 'bevolkingszorg.velsen@paraat.test'
} as const;
export type Actor = keyof typeof CAST;

export interface Story {
	db: Kysely<DB>;
	users: Record<Actor, SessionUser>;
	t0: Date;
	incidentId: string;
	/** Log entry ids by the minute they were written, for the verifications that follow. */
	entries: Map<number, string>;
}

type Ctx = Clocked & { ip: null };

export interface Step {
	/** Minutes after the alarm (T0). */
	minute: number;
	act: (story: Story, ctx: Ctx) => Promise<void>;
}

const step = (minute: number, act: Step['act']): Step => ({ minute, act });

function alarm(): Step {
	return step(0, async (s, ctx) => {
		const incident = await createIncident(
			s.db,
			s.users.oefenleider,
			{
				title: DEMO_EXERCISE_TITLE,
				kind: 'oefening',
				municipalities: ['bloemendaal', 'zandvoort', 'velsen'],
				grip: 0,
				type: 'natuurbrand',
				location: 'Kennemerduinen bij Parnassia, Bloemendaal',
				position: { lat: 52.4105, lon: 4.5685 },
				affectedPeople: 850,
				startedAt: s.t0.toISOString()
			},
			ctx
		);
		s.incidentId = incident.id;
	});
}

function log(minute: number, who: Actor, kind: LogKind, discipline: LogDiscipline, text: string, options: { source?: string; happenedMinute?: number } = {}): Step {
	return step(minute, async (s, ctx) => {
		const happenedAt = options.happenedMinute === undefined ? undefined : new Date(s.t0.getTime() + options.happenedMinute * 60_000).toISOString();
		const entry = await addLogEntry(s.db, s.users[who], s.incidentId, { kind, discipline, text, source: options.source, happenedAt }, ctx);
		s.entries.set(minute, entry.id);
	});
}

/** The crisis team's information manager verifies the entry written at `loggedMinute`. */
function verify(minute: number, loggedMinute: number): Step {
	return step(minute, async (s, ctx) => {
		await verifyLogEntry(s.db, s.users.crisisteam, s.incidentId, s.entries.get(loggedMinute)!, ctx);
	});
}

function section(minute: number, who: Actor, name: PictureSection, text: string): Step {
	return step(minute, async (s, ctx) => {
		const current = (await pictureOf(s.db, s.users[who], s.incidentId)).sections.find((x) => x.section === name)!;
		await changeSection(s.db, s.users[who], s.incidentId, name, { text, version: current.version }, ctx);
	});
}

function grip(minute: number, level: number, reason: string): Step {
	return step(minute, async (s, ctx) => {
		await changeGrip(s.db, s.users.crisisteam, s.incidentId, { grip: level, reason }, ctx);
	});
}

/** A change to the standard task whose title starts with `title`, at the version it has then. */
function task(minute: number, who: Actor, title: string, change: (s: Story) => Omit<TaskChangeInput, 'version'>): Step {
	return step(minute, async (s, ctx) => {
		const found = (await tasksOfIncident(s.db, s.users[who], s.incidentId)).find((t) => t.title.startsWith(title))!;
		await changeTask(s.db, s.users[who], found.id, { ...change(s), version: found.version }, ctx);
	});
}

async function unitByCode(s: Story, code: string) {
	return waterUnitByCode(s.db, code);
}

function waterRequest(minute: number): Step {
	return step(minute, async (s, ctx) => {
		await createWaterRequest(s.db, s.users.brandweer, s.incidentId, { place: 'Duinpad Parnassia, brandfront noord', demandLpm: 1000, position: { lat: 52.4105, lon: 4.5685 } }, ctx);
	});
}

function assign(minute: number, code: string): Step {
	return step(minute, async (s, ctx) => {
		const [request] = await requestsOfIncident(s.db, s.users.brandweer, s.incidentId);
		const unit = await unitByCode(s, code);
		if (request && unit) await assignUnit(s.db, s.users.brandweer, request.id, { unitId: unit.id }, ctx);
	});
}

function unitStatus(minute: number, code: string, status: UnitStatus): Step {
	return step(minute, async (s, ctx) => {
		const unit = await unitByCode(s, code);
		if (unit) await changeUnitStatus(s.db, s.users.brandweer, unit.id, { version: unit.version, status }, ctx);
	});
}

/**
 * Injects still to come, each with the source the players will see, scripted by the oefenleider
 * right after the alarm. Hours ahead on purpose: the demo runs for days and the end-to-end suite
 * uses the demo exercise, whose logbook must not change under a running test.
 */
const COMING_INJECTS = [
	{ dueMinutes: 200, discipline: 'ghor', source: 'Meldkamer ambulancezorg', text: 'Bewoner van Parnassia-zuid meldt benauwdheid bij haar vader (COPD); verzoek om beoordeling ter plaatse.' },
	{ dueMinutes: 260, discipline: 'politie', source: 'Burger via 112', text: 'Drone boven het brandgebied bij de Zeeweg; mogelijk hinder voor de blushelikopter.' },
	{ dueMinutes: 320, discipline: 'communicatie', source: 'Omroep Zandvoort', text: 'Verslaggever vraagt of de opvang in Sporthal Pellikaan ook huisdieren toelaat en wanneer bewoners terug mogen.' }
] as const;

function script(minute: number): Step {
	return step(minute, async (s, ctx) => {
		for (const inject of COMING_INJECTS) await createInject(s.db, s.users.oefenleider, s.incidentId, inject, ctx);
	});
}

/** A feature drawn on the exercise's map (positions around Parnassia and Zandvoort, rounded). */
function draw(minute: number, who: Actor, type: FeatureType, label: string, geometry: { type: string; coordinates: unknown }): Step {
	return step(minute, async (s, ctx) => {
		await addFeature(s.db, s.users[who], s.incidentId, newFeatureInput.parse({ type: 'Feature', geometry, properties: { type, label } }), ctx);
	});
}

const closed = (points: [number, number][]) => [[...points, points[0]!]];

export const DEMO_STORY: readonly Step[] = [
	alarm(),
	script(1),
	log(2, 'brandweer', 'melding', 'brandweer', '112-melding: duinbrand in de Kennemerduinen bij Parnassia, rook zichtbaar vanaf de Zeeweg. TS 12-1 en TS 12-3 gealarmeerd.', { source: 'Meldkamer brandweer', happenedMinute: 0 }),
	verify(5, 2),
	section(10, 'brandweer', 'brandweer', 'Natuurbrand ca. 2 ha in de Kennemerduinen bij Parnassia; wind west 4 Bft, vuurfront trekt naar het noordoosten. 2 TS ter plaatse.'),
	grip(12, 1, 'Brandweer, politie en GHOR werken samen aan de bron: CoPI bij de parkeerplaats Parnassia.'),
	log(13, 'crisisteam', 'besluit', 'algemeen', 'GRIP 1: CoPI komt bijeen bij de parkeerplaats Parnassia; OvD-Bevolkingszorg Zandvoort gealarmeerd.'),
	draw(14, 'crisisteam', 'copi_locatie', 'CoPI parkeerplaats Parnassia', { type: 'Point', coordinates: [4.5612, 52.4079] }),
	log(15, 'politie', 'actie', 'politie', 'Zeeweg afgesloten tussen de rotonde Bloemendaal en Zandvoort; verkeer omgeleid via Haarlem.'),
	draw(15, 'politie', 'afzetting', 'Afzetting Zeeweg', { type: 'LineString', coordinates: [[4.6004, 52.4028], [4.5852, 52.4047], [4.5703, 52.4061]] }),
	section(16, 'politie', 'politie', 'Zeeweg dicht tussen de rotonde Bloemendaal en Zandvoort, omleiding via Haarlem. 3 eenheden bij de afzetting.'),
	log(18, 'ghor', 'melding', 'ghor', 'Twee wandelaars met rookinhalatie bij de parkeerplaats Parnassia; ambulance ter plaatse, gewondennest ingericht.', { happenedMinute: 16 }),
	verify(19, 15),
	section(20, 'ghor', 'ghor', '2 lichtgewonden (rookinhalatie), 1 ambulance ter plaatse, gewondennest bij de parkeerplaats Parnassia.'),
	draw(21, 'brandweer', 'brandweer_inzetgebied', 'Inzetgebied duinbrand', { type: 'Polygon', coordinates: closed([[4.5640, 52.4080], [4.5740, 52.4085], [4.5755, 52.4135], [4.5650, 52.4140]]) }),
	waterRequest(22),
	assign(23, 'WTW 12-4'),
	verify(24, 18),
	log(27, 'brandweer', 'beeld', 'brandweer', 'Brand groeit naar ca. 4 ha; de rookpluim trekt over Zandvoort-Noord. WTW 12-4 onderweg.'),
	grip(28, 2, 'Rookpluim trekt over Zandvoort-Noord: effecten buiten het brongebied. ROT bijeen in Haarlem.'),
	step(30, async (s, ctx) => void (await activateBevolkingszorg(s.db, s.users.crisisteam, s.incidentId, ctx))),
	verify(31, 27),
	task(33, 'zandvoort', 'Opvanglocatie openen', (s) => ({ status: 'in_uitvoering', municipality: 'zandvoort', assigneeId: s.users.zandvoort.id, description: 'Sporthal Pellikaan, Zandvoort: 120 plaatsen.' })),
	draw(33, 'zandvoort', 'opvanglocatie', 'Sporthal Pellikaan', { type: 'Point', coordinates: [4.5372, 52.3664] }),
	log(34, 'zandvoort', 'actie', 'bevolkingszorg', 'Sporthal Pellikaan wordt ingericht als opvanglocatie (120 plaatsen).'),
	section(35, 'zandvoort', 'bevolkingszorg', 'Opvanglocatie Sporthal Pellikaan wordt ingericht (120 plaatsen); OvD-Bevolkingszorg in het CoPI.'),
	unitStatus(36, 'WTW 12-4', 'ter_plaatse'),
	task(37, 'zandvoort', 'Eerste publieksbericht', (s) => ({ status: 'in_uitvoering', municipality: 'zandvoort', assigneeId: s.users.zandvoort.id })),
	verify(38, 34),
	log(40, 'ghor', 'oordeel', 'ghor', 'GGD-advies: in Zandvoort-Noord ramen en deuren dicht en ventilatie uit zolang de rook aanhoudt.'),
	section(42, 'ghor', 'ghor', '2 lichtgewonden naar het Spaarne Gasthuis. GGD: ramen en deuren dicht in Zandvoort-Noord; luchtmetingen aangevraagd.'),
	log(44, 'zandvoort', 'actie', 'communicatie', 'NL-Alert verzonden voor Zandvoort-Noord: ramen en deuren dicht, ventilatie uit.'),
	task(45, 'zandvoort', 'Eerste publieksbericht', () => ({ status: 'gereed' })),
	section(46, 'zandvoort', 'communicatie', 'NL-Alert en bericht op zandvoort.nl: ramen en deuren dicht in Zandvoort-Noord. Publieksinformatienummer volgt.'),
	verify(47, 40),
	task(48, 'velsen', 'Registratie van opgevangen', (s) => ({ municipality: 'zandvoort', assigneeId: s.users.velsen.id })),
	verify(49, 44),
	assign(50, 'WTW 12-2'),
	unitStatus(51, 'WTW 12-2', 'onderweg'),
	grip(52, 3, 'De rook bedreigt de bevolking van Zandvoort-Noord: de burgemeester van Zandvoort leidt, GBT bijeen.'),
	log(53, 'crisisteam', 'besluit', 'algemeen', 'GRIP 3: GBT Zandvoort bijeen in het raadhuis; de burgemeester besluit Parnassia-zuid te ontruimen.'),
	draw(54, 'crisisteam', 'evacuatiegebied', 'Parnassia-zuid', { type: 'Polygon', coordinates: closed([[4.5600, 52.4020], [4.5700, 52.4020], [4.5700, 52.4070], [4.5600, 52.4070]]) }),
	task(55, 'velsen', 'Registratie van opgevangen', () => ({ status: 'in_uitvoering' })),
	section(56, 'crisisteam', 'samenvatting', 'Natuurbrand ca. 6 ha in de Kennemerduinen; rook over Zandvoort-Noord. GRIP 3, GBT Zandvoort. Zeeweg dicht; opvang in Sporthal Pellikaan; 2 lichtgewonden.'),
	step(57, async (s, ctx) => void (await publishSitrap(s.db, s.users.crisisteam, s.incidentId, ctx))),
	log(58, 'brandweer', 'beeld', 'brandweer', 'Brand ca. 6 ha, front noordwaarts. WTW 12-4 ter plaatse, WTW 12-2 onderweg; grootwatertransport aangevraagd.'),
	section(59, 'brandweer', 'brandweer', 'Natuurbrand ca. 6 ha, front noordwaarts; 4 TS, WTW 12-4 ter plaatse, WTW 12-2 onderweg, grootwatertransport aangevraagd.'),
	task(60, 'velsen', 'Registratie van opgevangen', () => ({ blockedReason: 'Wacht op laptops met het registratiesysteem (levering 30 min).' })),
	verify(61, 58),
	task(62, 'zandvoort', 'Opvanglocatie openen', () => ({ status: 'gereed' })),
	log(63, 'zandvoort', 'melding', 'bevolkingszorg', '40 bewoners van Parnassia-zuid opgevangen in Sporthal Pellikaan; registratie wacht op laptops.'),
	section(64, 'zandvoort', 'bevolkingszorg', 'Opvang Sporthal Pellikaan open: 40 bewoners van Parnassia-zuid opgevangen. Registratie wacht op laptops (levering 30 min).'),
	task(66, 'zandvoort', 'Publieksinformatienummer openen', (s) => ({ status: 'in_uitvoering', municipality: 'zandvoort', assigneeId: s.users.zandvoort.id })),
	log(68, 'politie', 'melding', 'politie', 'Veel kijkers bij de afzetting op de Zeeweg; extra eenheid gevraagd voor de verkeersregeling.')
];
