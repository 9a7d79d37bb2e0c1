// The beheerder's forms as the settings and model inputs (numbers with a Dutch comma, checkboxes).
import { ALCOHOL_LEVELS, DEFAULT_RISICOSCAN_MODEL, SITES, YES_NO_CRITERIA } from '../../domain/risicoscan/model';
import { EXCLUDED_DAYS } from '../../domain/events/melding';

function num(form: FormData, name: string): number | string | null {
	const text = String(form.get(name) ?? '').trim();
	if (text === '') return null;
	const n = Number(text.replace(',', '.'));
	return Number.isFinite(n) ? n : text;
}
const on = (form: FormData, name: string) => form.get(name) === 'ja';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function window(form: FormData, prefix: string) {
	return on(form, `${prefix}.on`) ? { from: text(form, `${prefix}.from`), until: text(form, `${prefix}.until`) } : null;
}

export function settingsFromForm(form: FormData) {
	return {
		version: num(form, 'version'),
		settings: {
			permitTerm: { unit: text(form, 'permitTerm.unit'), amount: num(form, 'permitTerm.amount') },
			meldingTerm: { unit: text(form, 'meldingTerm.unit'), amount: num(form, 'meldingTerm.amount') },
			melding: {
				maxVisitors: num(form, 'melding.maxVisitors'),
				oneDay: on(form, 'melding.oneDay'),
				window: window(form, 'melding.window'),
				musicWindow: window(form, 'melding.musicWindow'),
				excludedDays: form.getAll('melding.excludedDays').map(String).filter((d) => (EXCLUDED_DAYS as readonly string[]).includes(d)),
				oneStreet: on(form, 'melding.oneStreet'),
				noRoadClosures: on(form, 'melding.noRoadClosures'),
				emergencyLane: on(form, 'melding.emergencyLane'),
				maxCategory: text(form, 'melding.maxCategory')
			},
			preannouncement: on(form, 'pre.on')
				? {
						visitorsAbove: num(form, 'pre.visitorsAbove'),
						newEvents: on(form, 'pre.newEvents'),
						month: num(form, 'pre.month'),
						day: num(form, 'pre.day')
					}
				: null
		}
	};
}

export function modelFromForm(form: FormData) {
	const record = (prefix: string, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, num(form, `${prefix}.${k}`)]));
	return {
		basedOn: num(form, 'basedOn'),
		note: text(form, 'note'),
		peakVisitorBands: DEFAULT_RISICOSCAN_MODEL.peakVisitorBands.map((_, i) => ({ min: num(form, `peak.${i}.min`), points: num(form, `peak.${i}.points`) })),
		densityBands: DEFAULT_RISICOSCAN_MODEL.densityBands.map((band, i) => ({ min: num(form, `density.${i}.min`), minInclusive: band.minInclusive, points: num(form, `density.${i}.points`) })),
		alcoholPoints: record('alcohol', ALCOHOL_LEVELS),
		sitePoints: record('site', SITES),
		criterionPoints: record('criterion', YES_NO_CRITERIA),
		indoorLargeMinPeak: num(form, 'indoorLargeMinPeak'),
		classThresholds: { B: num(form, 'class.B'), C: num(form, 'class.C') },
		floorThresholds: Object.fromEntries(
			DEFAULT_RISICOSCAN_MODEL.floors.filter((f) => f.kind !== 'criterion').map((f) => [f.code, num(form, `floor.${f.code}`)])
		)
	};
}
