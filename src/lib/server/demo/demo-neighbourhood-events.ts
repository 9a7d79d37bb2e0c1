// The small events of the demo: neighbourhood events in the coming weeks and summer street
// parties in every municipality (mostly class A meldingen), so every month has something.
import { nthWeekday, saturdayFromToday, yearly } from './demo-dates';
import { street, type DemoEventSpec } from './demo-event-spec';

/** First names of the fictitious organisers. */
const FIRST = ['Anna', 'Bas', 'Carla', 'Dirk', 'Eva', 'Frank', 'Gerda', 'Hugo'];

/** Small events of the coming weeks (mostly class A meldingen), so every month has something. */
const NEIGHBOURHOOD: { name: string; municipality: string; address: string; lat: number; lon: number; type: string; peak: number; saturday: number; start: string; end: string; scan: DemoEventSpec['scan'] }[] = [
	{ name: 'Buurtfeest Zuiderpolder', municipality: 'haarlem', address: 'Zuiderpolderplein, Haarlem', lat: 52.3714, lon: 4.6614, type: 'buurtfeest', peak: 150, saturday: 1, start: '14:00', end: '22:00', scan: { site: 'street', activities: ['amplified_music'] } },
	{ name: 'Straatfeest Wijkerstraatweg', municipality: 'beverwijk', address: 'Wijkerstraatweg, Beverwijk', lat: 52.4824, lon: 4.6557, type: 'buurtfeest', peak: 200, saturday: 1, start: '15:00', end: '23:00', scan: street },
	{ name: 'Rommelmarkt Santpoort', municipality: 'velsen', address: 'Broekbergenlaan, Santpoort-Noord', lat: 52.4331, lon: 4.6354, type: 'markt', peak: 240, saturday: 2, start: '09:00', end: '15:00', scan: street },
	{ name: 'Winterwandeltocht Kennemerduinen', municipality: 'bloemendaal', address: 'Bezoekerscentrum De Zandwaaier', lat: 52.4207, lon: 4.5876, type: 'sport', peak: 600, saturday: 2, start: '09:00', end: '14:00', scan: { site: 'nature', activities: ['endurance_sport'], poorAccess: true } },
	{ name: 'Lichtjesavond Heemskerk', municipality: 'heemskerk', address: 'Maerelaan, Heemskerk', lat: 52.5117, lon: 4.6671, type: 'buurtfeest', peak: 180, saturday: 3, start: '17:00', end: '21:00', scan: { site: 'street', audience: ['children'] } },
	{ name: 'Kerstborrel Dorpsstraat', municipality: 'uitgeest', address: 'Langebuurt, Uitgeest', lat: 52.5286, lon: 4.7095, type: 'buurtfeest', peak: 120, saturday: 3, start: '16:00', end: '22:00', scan: street },
	{ name: 'Buurtbarbecue Schalkwijk', municipality: 'haarlem', address: 'Europaweg, Haarlem', lat: 52.3664, lon: 4.6566, type: 'buurtfeest', peak: 140, saturday: 4, start: '16:00', end: '22:00', scan: { site: 'street', activities: ['open_fire'] } },
	{ name: 'Vrijmarkt Nieuw-Vennep', municipality: 'haarlemmermeer', address: 'Getsewoudplein, Nieuw-Vennep', lat: 52.2637, lon: 4.6353, type: 'markt', peak: 300, saturday: 5, start: '09:00', end: '16:00', scan: street },
	{ name: 'Sportdag Heemstede', municipality: 'heemstede', address: 'Sportpark Groenendaal, Heemstede', lat: 52.3495, lon: 4.6125, type: 'sport', peak: 400, saturday: 6, start: '10:00', end: '16:00', scan: { site: 'terrain', audience: ['children'] } },
	{ name: 'Buurtfeest Oosterduin', municipality: 'zandvoort', address: 'Oosterparkstraat, Zandvoort', lat: 52.3724, lon: 4.5426, type: 'buurtfeest', peak: 130, saturday: 7, start: '14:00', end: '21:00', scan: street },
	{ name: 'Winterconcert Dorpskerk', municipality: 'bloemendaal', address: 'Kerkplein, Bloemendaal', lat: 52.4069, lon: 4.6291, type: 'muziek', peak: 350, saturday: 8, start: '19:30', end: '22:00', scan: { site: 'building', audience: ['elderly'] } },
	{ name: 'Snertloop IJmuiden', municipality: 'velsen', address: 'Strandweg, IJmuiden', lat: 52.4575, lon: 4.5869, type: 'sport', peak: 700, saturday: 9, start: '10:00', end: '13:00', scan: { site: 'beach', activities: ['endurance_sport'] } },
	{ name: 'Buurtfeest Europawijk', municipality: 'haarlem', address: 'Europawijk, Haarlem', lat: 52.3689, lon: 4.6689, type: 'buurtfeest', peak: 140, saturday: 10, start: '14:00', end: '22:00', scan: { site: 'street', activities: ['amplified_music'] } }
];

/** Summer street parties: class A meldingen on Saturdays from June to September, every municipality. */
const STREETS: Record<string, [string, number, number][]> = {
	beverwijk: [['Straatfeest Zeestraat', 52.4851, 4.6512], ['Buurtfeest Warande', 52.4911, 4.6443], ['Burendag Oosterwijk', 52.4862, 4.6702]],
	bloemendaal: [['Straatfeest Overveen', 52.3916, 4.6134], ['Buurtfeest Vogelenzang', 52.3212, 4.5769], ['Burendag Aerdenhout', 52.3622, 4.6019]],
	haarlem: [['Straatfeest Kleverpark', 52.3915, 4.6398], ['Buurtfeest Garenkokerskwartier', 52.3757, 4.6433], ['Straatfeest Bomenbuurt', 52.3912, 4.6225]],
	haarlemmermeer: [['Buurtfeest Badhoevedorp', 52.3372, 4.7795], ['Straatfeest Zwanenburg', 52.3789, 4.7437], ['Burendag Floriande', 52.2926, 4.6761]],
	heemskerk: [['Straatfeest Broekpolder', 52.5032, 4.6794], ['Buurtfeest Waterakkers', 52.5189, 4.6586], ['Burendag Oosterwijk Heemskerk', 52.5154, 4.6818]],
	heemstede: [['Straatfeest Merlenhoven', 52.3487, 4.6213], ['Buurtfeest Glipper Dreef', 52.3427, 4.6092], ['Burendag Indische Buurt', 52.3568, 4.6182]],
	uitgeest: [['Straatfeest Waldervaart', 52.5247, 4.7183], ['Buurtfeest Kleis', 52.5332, 4.7024], ['Burendag Koog', 52.5214, 4.7061]],
	velsen: [['Straatfeest Zeewijk', 52.4511, 4.5981], ['Buurtfeest Driehuis', 52.4467, 4.6356], ['Burendag Velserbroek', 52.4458, 4.6482]],
	zandvoort: [['Straatfeest Kostverlorenstraat', 52.3692, 4.5359], ['Buurtfeest Nieuw-Noord', 52.3842, 4.5431], ['Burendag Centrum Zandvoort', 52.3741, 4.5311]]
};

export function streetParties(): DemoEventSpec[] {
	const out: DemoEventSpec[] = [];
	Object.entries(STREETS).forEach(([municipality, streets], m) => {
		streets.forEach(([name, lat, lon], k) => {
			const month = 6 + ((m + k) % 4);
			out.push({
				name,
				municipality,
				eventType: 'buurtfeest',
				description: 'Straatfeest van en voor de buurt: springkussen, muziek en een gezamenlijke maaltijd.',
				address: name.replace(/^(Straatfeest|Buurtfeest|Burendag) /, ''),
				lat,
				lon,
				date: yearly((y) => nthWeekday(y, month, 6, 1 + ((m + 2 * k) % 4))),
				start: '14:00',
				endDay: 0,
				end: '22:00',
				peak: 60 + ((m * 37 + k * 53) % 180),
				procedure: 'melding',
				scan: { site: 'street', activities: k === 1 ? ['amplified_music'] : [], audience: k === 0 ? ['children'] : [] },
				organiser: { name: `${FIRST[(m + k) % FIRST.length]} ${['de Jong', 'Visser', 'Kramer'][k]}`, organisation: `Bewoners ${name.split(' ').slice(1).join(' ')}` }
			});
		});
	});
	return out;
}

/** The neighbourhood events of the coming weeks as specs. */
export function neighbourhoodEvents(): DemoEventSpec[] {
	return NEIGHBOURHOOD.map((n) => ({
		name: n.name,
		municipality: n.municipality,
		eventType: n.type,
		description: 'Kleinschalig evenement in de buurt, gemeld door bewoners.',
		address: n.address,
		lat: n.lat,
		lon: n.lon,
		date: saturdayFromToday(n.saturday),
		start: n.start,
		endDay: 0,
		end: n.end,
		peak: n.peak,
		procedure: n.peak < 250 ? 'melding' : 'vergunning',
		scan: n.scan,
		organiser: { name: `${FIRST[n.saturday % FIRST.length]} ${n.name.split(' ').at(-1)}`, organisation: `Bewonerscommissie ${n.name.split(' ').at(-1)}` }
	}));
}
