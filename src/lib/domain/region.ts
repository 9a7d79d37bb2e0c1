// The nine municipalities of Veiligheidsregio Kennemerland (DOMAIN.md §1): reference data.

export interface MunicipalityData {
	code: string;
	name: string;
	cbsCode: string;
	population: number;
	lat: number;
	lon: number;
}

export const KENNEMERLAND: readonly MunicipalityData[] = [
	{ code: 'beverwijk', name: 'Beverwijk', cbsCode: 'GM0375', population: 43_000, lat: 52.487, lon: 4.657 },
	{ code: 'bloemendaal', name: 'Bloemendaal', cbsCode: 'GM0377', population: 24_000, lat: 52.406, lon: 4.622 },
	{ code: 'haarlem', name: 'Haarlem', cbsCode: 'GM0392', population: 164_000, lat: 52.381, lon: 4.637 },
	{ code: 'haarlemmermeer', name: 'Haarlemmermeer', cbsCode: 'GM0394', population: 163_000, lat: 52.303, lon: 4.69 },
	{ code: 'heemskerk', name: 'Heemskerk', cbsCode: 'GM0396', population: 40_000, lat: 52.511, lon: 4.67 },
	{ code: 'heemstede', name: 'Heemstede', cbsCode: 'GM0397', population: 27_600, lat: 52.353, lon: 4.621 },
	{ code: 'uitgeest', name: 'Uitgeest', cbsCode: 'GM0450', population: 13_900, lat: 52.529, lon: 4.71 },
	{ code: 'velsen', name: 'Velsen', cbsCode: 'GM0453', population: 69_000, lat: 52.459, lon: 4.616 },
	{ code: 'zandvoort', name: 'Zandvoort', cbsCode: 'GM0473', population: 17_500, lat: 52.373, lon: 4.532 }
];

export function municipalityName(code: string | null | undefined): string {
	if (!code) return 'Regio Kennemerland';
	return KENNEMERLAND.find((m) => m.code === code)?.name ?? code;
}
