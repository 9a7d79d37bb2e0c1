// Dutch names for the fields of records (tasks, applications, units, settings), used wherever a
// change or a conflict is described to a user. One table, so an English key never reaches a page.

export const FIELD_LABELS: Readonly<Record<string, string>> = {
	// tasks
	status: 'status',
	title: 'titel',
	description: 'omschrijving',
	municipality: 'gemeente',
	municipalityCode: 'gemeente',
	priority: 'prioriteit',
	dueAt: 'deadline',
	assignee: 'uitvoerder',
	assigneeId: 'uitvoerder',
	blockedReason: 'blokkade',
	process: 'proces',
	// event applications
	organiserName: 'naam contactpersoon',
	organiserOrganisation: 'organisatie',
	organiserKvk: 'KvK-nummer',
	organiserEmail: 'e-mailadres',
	organiserPhone: 'telefoonnummer',
	name: 'naam',
	eventType: 'soort evenement',
	address: 'adres',
	lat: 'breedtegraad',
	lon: 'lengtegraad',
	startsAt: 'begin',
	endsAt: 'einde',
	totalVisitors: 'totaal aantal bezoekers',
	peakVisitors: 'piekbezetting',
	areaM2: 'oppervlakte',
	isNewEvent: 'nieuw evenement',
	audience: 'publiek',
	alcohol: 'alcohol',
	drugsExpected: 'drugsgebruik verwacht',
	rivalGroups: 'rivaliserende groepen',
	activities: 'activiteiten',
	site: 'soort locatie',
	indoor: 'binnen',
	enclosed: 'omsloten terrein',
	roadClosures: 'wegafsluitingen',
	poorAccess: 'slechte bereikbaarheid',
	nearHazard: 'nabij risicobron',
	oneStreet: 'binnen één straat',
	emergencyLaneFree: 'vrije doorgang hulpdiensten',
	musicFrom: 'muziek vanaf',
	musicUntil: 'muziek tot',
	preannounced: 'vooraankondiging gedaan',
	// bluswater units and requests
	code: 'code',
	kind: 'soort',
	capacityLitres: 'inhoud',
	homeBase: 'standplaats',
	homeLat: 'breedtegraad standplaats',
	homeLon: 'lengtegraad standplaats',
	active: 'in gebruik',
	place: 'plaats',
	demandLpm: 'vraag (l/min)',
	litresLeft: 'liters over',
	note: 'toelichting',
	// settings
	termDaysB: 'termijn klasse B',
	termDaysC: 'termijn klasse C',
	text: 'tekst',
	version: 'versie'
};

/** The Dutch name of a field; an unknown key becomes "ander gegeven", never the key itself. */
export function fieldLabel(key: string): string {
	return FIELD_LABELS[key] ?? 'ander gegeven';
}

/** "status en uitvoerder", "titel, omschrijving en gemeente": each field once, in order. */
export function fieldList(keys: readonly string[]): string {
	return dutchList([...new Set(keys.map(fieldLabel))]);
}

/** Joins words the Dutch way: "a", "a en b", "a, b en c". */
export function dutchList(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
