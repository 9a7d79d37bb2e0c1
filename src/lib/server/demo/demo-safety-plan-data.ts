// The safety plans of the seed documents (DOMAIN.md §8): Heemskerk's IVHP 2021-2024, Beverwijk's
// kadernota 2020-2024 and Heemstede's uitvoeringsplan 2025-2027, with the priorities, strategic
// themes and focus areas those plans name. The descriptive fields summarise the plans in a
// sentence or two. The actions and the indicator figures are DEMO DATA, invented to show the
// cycle: every one of them is stored with is_demo and its source names "demogegevens".
import type { ActionStatus } from '../../domain/safety-plan/actions.ts';
import type { Direction } from '../../domain/safety-plan/indicators.ts';
import type { SafetyPlanPriority } from '../../contracts/safety-plan.ts';

/** A priority or theme as the plan states it; its id and position are given when it is stored. */
export type DemoPriority = Omit<SafetyPlanPriority, 'id' | 'position'>;

export interface DemoAction {
	priority: string;
	year: number;
	title: string;
	owner: string;
	quarter: number;
	status: ActionStatus;
}

export interface DemoIndicator {
	priority: string;
	title: string;
	definition: string;
	source: string;
	unit: string;
	direction: Direction;
	baselineYear: number;
	baseline: number;
	targets: [number, number][];
	/** Per year: the figure for the whole municipality. */
	figures: [number, number][];
}

export interface DemoPlan {
	municipality: string;
	title: string;
	startYear: number;
	endYear: number;
	ambition: string;
	priorities: DemoPriority[];
	actions: DemoAction[];
	indicators: DemoIndicator[];
}

export const DEMO_SOURCE_NOTE = 'demogegevens (fictief)';

const WHOLE = 'De hele gemeente';

export const DEMO_PLANS: DemoPlan[] = [
	{
		municipality: 'heemskerk',
		title: 'Integraal Veiligheids- en Handhavingsplan 2021-2024',
		startYear: 2021,
		endYear: 2024,
		ambition: 'Zichtbaar en merkbaar veiliger.',
		priorities: [
			{
				kind: 'prioriteit',
				title: 'Zorg en veiligheid',
				why: 'Personen met verward gedrag en complexe problemen op meerdere leefgebieden veroorzaken overlast en onveiligheid.',
				ambition: 'Signalen over personen met verward gedrag komen eerder bij de juiste partner en leiden tot passende zorg of aanpak.',
				approach: 'Persoonsgerichte aanpak, casusoverleg in het Zorg- en Veiligheidshuis, een meldpunt niet-acute zorg.',
				conditions: 'Goede informatie-uitwisseling binnen de privacyregels; capaciteit bij zorgpartners.',
				focusArea: WHOLE,
				partners: 'Politie, GGZ, GGD, Zorg- en Veiligheidshuis, woningcorporaties.',
				residentsRole: 'Inwoners melden zorgen over een buurtgenoot bij het meldpunt.'
			},
			{
				kind: 'prioriteit',
				title: 'Jeugd en veiligheid',
				why: 'Jeugdoverlast en jongeren die afglijden naar criminaliteit.',
				ambition: 'Minder jeugdoverlast en voorkomen dat jongeren in de criminaliteit belanden.',
				approach: 'Groepsaanpak met jongerenwerk en politie, preventie op scholen, snelle interventie bij eerste delicten.',
				conditions: 'Jongerenwerk met voldoende bereik in de avonduren.',
				focusArea: WHOLE,
				partners: 'Politie, jongerenwerk, scholen, Halt, jeugdhulp.',
				residentsRole: 'Ouders en buurtbewoners melden overlast en worden betrokken bij oplossingen.'
			},
			{
				kind: 'prioriteit',
				title: 'Ondermijning',
				why: 'Vermenging van onder- en bovenwereld tast de rechtsstaat en de leefbaarheid aan.',
				ambition: 'Een weerbare gemeente die ondermijning herkent, meldt en aanpakt.',
				approach: 'Integrale controles, de Wet Bibob bij vergunningen, bewustwording van medewerkers en ondernemers.',
				conditions: 'Samenwerking met het RIEC; een vastgesteld Bibob-beleid.',
				focusArea: 'Bedrijventerreinen en de hele gemeente.',
				partners: 'RIEC, politie, Belastingdienst, Openbaar Ministerie.',
				residentsRole: 'Inwoners en ondernemers melden signalen, ook anoniem via Meld Misdaad Anoniem.'
			},
			{
				kind: 'prioriteit',
				title: 'Leefbaarheid in de wijken',
				why: 'Inwoners ervaren overlast, verloedering en woninginbraken in hun directe omgeving.',
				ambition: 'Inwoners voelen zich veilig in hun wijk.',
				approach: 'Wijkgerichte aanpak met handhaving, buurtpreventie en woninginbraakpreventie.',
				conditions: 'Zichtbare boa’s en wijkagenten.',
				focusArea: 'Alle wijken, met extra aandacht waar de cijfers dat vragen.',
				partners: 'Politie, woningcorporaties, buurtpreventieverenigingen.',
				residentsRole: 'Buurtpreventie en WhatsApp-buurtgroepen; inwoners zijn ogen en oren van de wijk.'
			},
			{
				kind: 'thema',
				title: 'Evenementen',
				why: 'Evenementen moeten veilig verlopen voor bezoekers en omwonenden.',
				ambition: 'Veilige evenementen met een zorgvuldige vergunningverlening.',
				approach: 'Risicoscan en advies van brandweer, GHOR en politie; evaluatie van grote evenementen.',
				conditions: 'Tijdige aanvragen en één regionaal evenementenbeleid.',
				focusArea: WHOLE,
				partners: 'Veiligheidsregio Kennemerland, politie, organisatoren.',
				residentsRole: 'Omwonenden worden geïnformeerd en kunnen klachten melden.'
			},
			{
				kind: 'thema',
				title: 'Veiligheidsregio en crisisbeheersing',
				why: 'De gemeente moet voorbereid zijn op rampen en crises, met bluswater en bevolkingszorg op orde.',
				ambition: 'Een crisisorganisatie die geoefend en paraat is.',
				approach: 'Opleiden, trainen en oefenen; bevolkingszorg en bluswatervoorziening op orde.',
				conditions: 'Voldoende gekwalificeerde crisisfunctionarissen.',
				focusArea: WHOLE,
				partners: 'Veiligheidsregio Kennemerland, brandweer, GHOR, politie.',
				residentsRole: 'Inwoners zijn zelfredzaam en weten waar zij informatie vinden.'
			}
		],
		actions: [
			{ priority: 'Zorg en veiligheid', year: 2024, title: 'Casusoverleg personen met verward gedrag elke maand', owner: 'Team OOV met GGZ', quarter: 1, status: 'gereed' },
			{ priority: 'Jeugd en veiligheid', year: 2024, title: 'Groepsaanpak jeugd bij het winkelcentrum', owner: 'Jongerenwerk en politie', quarter: 2, status: 'in_uitvoering' },
			{ priority: 'Ondermijning', year: 2024, title: 'Integrale controle bedrijventerrein', owner: 'RIEC en team Handhaving', quarter: 3, status: 'gepland' },
			{ priority: 'Ondermijning', year: 2024, title: 'Bewustwordingssessies ondermijning voor medewerkers', owner: 'Team OOV', quarter: 2, status: 'uitgesteld' },
			{ priority: 'Leefbaarheid in de wijken', year: 2024, title: 'Campagne woninginbraakpreventie in het donkere seizoen', owner: 'Team OOV met politie', quarter: 4, status: 'gepland' },
			{ priority: 'Veiligheidsregio en crisisbeheersing', year: 2024, title: 'Oefening gemeentelijke crisisorganisatie', owner: 'Veiligheidsregio Kennemerland', quarter: 3, status: 'gepland' },
			{ priority: 'Jeugd en veiligheid', year: 2023, title: 'Preventielessen op de middelbare scholen', owner: 'Halt', quarter: 1, status: 'gereed' }
		],
		indicators: [
			{ priority: 'Leefbaarheid in de wijken', title: 'Woninginbraken', definition: 'Geregistreerde woninginbraken per jaar.', source: `Politie, basisteam Kennemerland-Noord — ${DEMO_SOURCE_NOTE}`, unit: 'aantal', direction: 'omlaag', baselineYear: 2020, baseline: 96, targets: [[2022, 85], [2024, 75]], figures: [[2021, 91], [2022, 84], [2023, 79]] },
			{ priority: 'Jeugd en veiligheid', title: 'Meldingen jeugdoverlast', definition: 'Meldingen van jeugdoverlast bij de politie per jaar.', source: `Politie, meldingen — ${DEMO_SOURCE_NOTE}`, unit: 'aantal', direction: 'omlaag', baselineYear: 2020, baseline: 310, targets: [[2024, 250]], figures: [[2021, 295], [2022, 302], [2023, 271]] },
			{ priority: 'Leefbaarheid in de wijken', title: 'Veiligheidsgevoel', definition: 'Aandeel inwoners dat zich in de eigen buurt meestal of altijd veilig voelt.', source: `CBS Veiligheidsmonitor — ${DEMO_SOURCE_NOTE}`, unit: 'procent', direction: 'omhoog', baselineYear: 2019, baseline: 82, targets: [[2023, 85]], figures: [[2021, 83], [2023, 84]] }
		]
	},
	{
		municipality: 'beverwijk',
		title: 'Kadernota Integrale Veiligheid 2020-2024',
		startYear: 2020,
		endYear: 2024,
		ambition: 'Een veilig Beverwijk, samen met inwoners, ondernemers en partners.',
		priorities: [
			{
				kind: 'prioriteit',
				title: 'Leefbaarheid en veiligheid in de buurten',
				why: 'Overlast en verloedering concentreren zich in enkele buurten.',
				ambition: 'Buurten waar inwoners zich veilig voelen en overlast afneemt.',
				approach: 'Gebiedsgerichte aanpak met buurtbewoners, handhaving en partners.',
				conditions: 'Een interactieve veiligheidskaart met politiecijfers, de Veiligheidsmonitor en eigen bronnen.',
				focusArea: 'De Drie Straatjes en Oosterwijk.',
				partners: 'Politie, woningcorporaties, welzijn.',
				residentsRole: 'Bewoners melden via de Waak Samen-app en denken mee in buurtoverleggen.'
			},
			{
				kind: 'prioriteit',
				title: 'Jeugd en veiligheid',
				why: 'Jeugdoverlast en criminele jeugdgroepen.',
				ambition: 'Minder jeugdoverlast en minder jongeren in de criminaliteit.',
				approach: 'Groepsaanpak, persoonsgerichte aanpak en preventie.',
				conditions: 'Sluitende samenwerking tussen zorg en veiligheid.',
				focusArea: 'De hele gemeente, met nadruk op De Drie Straatjes en Oosterwijk.',
				partners: 'Politie, jongerenwerk, scholen, Halt.',
				residentsRole: 'Ouders en bewoners worden betrokken bij de aanpak.'
			},
			{
				kind: 'prioriteit',
				title: 'Ondermijning',
				why: 'Criminele invloed in de legale economie, onder meer via panden en bedrijven.',
				ambition: 'Ondermijning eerder signaleren en integraal aanpakken.',
				approach: 'Bibob, integrale controles, bestuurlijke rapportages en sluitingen.',
				conditions: 'Samenwerking in het RIEC.',
				focusArea: 'Bedrijventerreinen en de hele gemeente.',
				partners: 'RIEC, politie, Openbaar Ministerie, Belastingdienst.',
				residentsRole: 'Inwoners en ondernemers melden signalen.'
			},
			{
				kind: 'prioriteit',
				title: 'Fysieke veiligheid en veilig ondernemen',
				why: 'Brandveiligheid, crisisbeheersing en een veilig ondernemersklimaat.',
				ambition: 'Veilige bedrijven en winkelgebieden en een goed voorbereide crisisorganisatie.',
				approach: 'Keurmerk Veilig Ondernemen, brandveiligheidscontroles, oefenen van de crisisorganisatie.',
				conditions: 'Actieve ondernemersverenigingen.',
				focusArea: 'Winkelgebieden, bedrijventerreinen en de hele gemeente.',
				partners: 'Ondernemersverenigingen, brandweer, Veiligheidsregio Kennemerland.',
				residentsRole: 'Ondernemers nemen deel aan het Keurmerk Veilig Ondernemen.'
			}
		],
		actions: [
			{ priority: 'Leefbaarheid en veiligheid in de buurten', year: 2024, title: 'Buurtschouw De Drie Straatjes met bewoners', owner: 'Team OOV en wijkregisseur', quarter: 2, status: 'gereed' },
			{ priority: 'Leefbaarheid en veiligheid in de buurten', year: 2024, title: 'Veiligheidskaart Oosterwijk bijwerken en delen met de raad', owner: 'Team OOV', quarter: 3, status: 'in_uitvoering' },
			{ priority: 'Ondermijning', year: 2024, title: 'Integrale controle bedrijventerrein', owner: 'RIEC en Handhaving', quarter: 4, status: 'gepland' },
			{ priority: 'Fysieke veiligheid en veilig ondernemen', year: 2024, title: 'Keurmerk Veilig Ondernemen winkelgebied herijken', owner: 'Ondernemersvereniging', quarter: 2, status: 'in_uitvoering' }
		],
		indicators: [
			{ priority: 'Leefbaarheid en veiligheid in de buurten', title: 'Meldingen overlast in de buurt', definition: 'Meldingen van overlast (jeugd, verward gedrag, burengerucht) per jaar.', source: `Politie en Waak Samen-app — ${DEMO_SOURCE_NOTE}`, unit: 'aantal', direction: 'omlaag', baselineYear: 2019, baseline: 640, targets: [[2022, 600], [2024, 560]], figures: [[2020, 655], [2021, 630], [2022, 590], [2023, 575]] }
		]
	},
	{
		municipality: 'heemstede',
		title: 'Uitvoeringsplan Integrale Veiligheid 2025-2027',
		startYear: 2025,
		endYear: 2027,
		ambition: 'Heemstede blijft een veilige gemeente om te wonen, te werken en te verblijven.',
		priorities: [
			{
				kind: 'prioriteit',
				title: 'Veiligheid in de wijken',
				why: 'Woninginbraken en overlast raken inwoners direct.',
				ambition: 'Inwoners voelen zich veilig in hun wijk.',
				approach: 'Wijkgerichte aanpak, buurtpreventie, maandelijks operationeel en strategisch overleg van OOV, handhaving en politie.',
				conditions: 'Zichtbare handhaving en wijkagenten.',
				focusArea: WHOLE,
				partners: 'Politie, handhaving, buurtpreventie.',
				residentsRole: 'Inwoners melden en nemen deel aan buurtpreventie.'
			},
			{ kind: 'prioriteit', title: 'Jeugdoverlast', why: 'Overlast van jongeren op vaste plekken.', ambition: 'Minder jeugdoverlast.', approach: 'Groepsaanpak met jongerenwerk en politie.', conditions: 'Bereik van het jongerenwerk.', focusArea: WHOLE, partners: 'Politie, jongerenwerk, scholen.', residentsRole: 'Bewoners melden overlast.' },
			{ kind: 'prioriteit', title: 'Cybercrime', why: 'Online oplichting en fraude nemen toe, vooral bij ouderen.', ambition: 'Inwoners en ondernemers zijn digitaal weerbaar.', approach: 'Voorlichting en bewustwordingscampagnes.', conditions: 'Aansluiting bij landelijke campagnes.', focusArea: WHOLE, partners: 'Politie, bibliotheek, ouderenbonden.', residentsRole: 'Inwoners volgen voorlichting en waarschuwen elkaar.' },
			{ kind: 'prioriteit', title: 'Verkeersgedrag en de veiligheid op fietspaden', why: 'Te hard rijden en onveilige situaties op fietspaden.', ambition: 'Veiliger verkeersgedrag, vooral op fietspaden.', approach: 'Handhaving, voorlichting en aanpassing van de inrichting.', conditions: 'Samenwerking met de verkeersafdeling.', focusArea: 'Fietspaden en schoolroutes.', partners: 'Politie, Veilig Verkeer Nederland, scholen.', residentsRole: 'Inwoners melden onveilige plekken.' },
			{ kind: 'prioriteit', title: 'Ondermijning', why: 'Ondermijning komt ook in kleinere gemeenten voor.', ambition: 'Signalen van ondermijning herkennen en aanpakken.', approach: 'Bibob, integrale controles en bewustwording.', conditions: 'Samenwerking in het RIEC.', focusArea: WHOLE, partners: 'RIEC, politie.', residentsRole: 'Inwoners en ondernemers melden signalen.' },
			{ kind: 'thema', title: 'Evenementen', why: 'Evenementen vragen aandacht voor veiligheid.', ambition: 'Veilige evenementen.', approach: 'Vergunningverlening met risicoscan en advies van de hulpdiensten.', conditions: 'Tijdige aanvragen.', focusArea: WHOLE, partners: 'Veiligheidsregio Kennemerland, politie.', residentsRole: 'Omwonenden worden geïnformeerd.' },
			{ kind: 'thema', title: 'Crisisbeheersing', why: 'Voorbereid zijn op rampen en crises.', ambition: 'Een geoefende crisisorganisatie.', approach: 'Opleiden, trainen en oefenen.', conditions: 'Voldoende crisisfunctionarissen.', focusArea: WHOLE, partners: 'Veiligheidsregio Kennemerland.', residentsRole: 'Inwoners zijn zelfredzaam.' }
		],
		actions: [
			{ priority: 'Cybercrime', year: 2026, title: 'Voorlichtingsavonden digitale oplichting voor ouderen', owner: 'Team OOV met politie', quarter: 1, status: 'gereed' },
			{ priority: 'Verkeersgedrag en de veiligheid op fietspaden', year: 2026, title: 'Snelheidscontroles op fietspaden langs schoolroutes', owner: 'Politie en handhaving', quarter: 2, status: 'in_uitvoering' },
			{ priority: 'Veiligheid in de wijken', year: 2026, title: 'Buurtpreventieteams uitbreiden', owner: 'Team OOV', quarter: 3, status: 'gepland' },
			{ priority: 'Jeugdoverlast', year: 2026, title: 'Hotspotaanpak jeugdoverlast', owner: 'Jongerenwerk', quarter: 4, status: 'gepland' }
		],
		indicators: [
			{ priority: 'Cybercrime', title: 'Aangiften online oplichting', definition: 'Aangiften van online fraude en oplichting per jaar.', source: `Politie, aangiften — ${DEMO_SOURCE_NOTE}`, unit: 'aantal', direction: 'omlaag', baselineYear: 2024, baseline: 120, targets: [[2027, 100]], figures: [[2025, 118]] }
		]
	}
];
