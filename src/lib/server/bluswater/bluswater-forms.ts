// Form posts carry text; these schemas turn it into the API's shapes (Dutch decimal comma
// included) and then validate with the very same rules as the API.
import { z } from 'zod';
import { assignmentInput, newUnitInput, newWaterRequestInput, unitEditInput, unitStatusChangeInput, waterRequestChangeInput } from './bluswater-input';

type Values = Record<string, string>;

/** '' is "not given"; "12,5" is 12.5; anything else stays as text so the schema names it. */
export function formNumber(value: string | undefined): number | string | undefined {
	const text = (value ?? '').trim();
	if (text === '') return undefined;
	const n = Number(text.replace(/\s/g, '').replace(',', '.'));
	return Number.isFinite(n) ? n : text;
}

function formPosition(v: Values, prefix = ''): { lat: unknown; lon: unknown } | undefined {
	const lat = formNumber(v[`${prefix}lat`]);
	const lon = formNumber(v[`${prefix}lon`]);
	return lat === undefined && lon === undefined ? undefined : { lat, lon };
}

const id = (message: string) => z.uuid({ error: message });

export const requestForm = z.preprocess(
	(v: Values) => ({ incidentId: v.incidentId, place: v.place, demandLpm: formNumber(v.demandLpm), position: formPosition(v) }),
	newWaterRequestInput.extend({ incidentId: id('Kies het incident waarvoor het water nodig is.') })
);

export const demandForm = z.preprocess(
	(v: Values) => ({ requestId: v.requestId, version: formNumber(v.version), demandLpm: formNumber(v.demandLpm) }),
	waterRequestChangeInput.extend({ requestId: id('Onbekend waterverzoek.') })
);

export const endRequestForm = z.preprocess(
	(v: Values) => ({ requestId: v.requestId, version: formNumber(v.version), ended: true }),
	waterRequestChangeInput.extend({ requestId: id('Onbekend waterverzoek.') })
);

export const assignForm = assignmentInput.extend({ requestId: id('Onbekend waterverzoek.') });

export const releaseForm = z.object({ assignmentId: id('Onbekende inzet.') });

export const statusForm = z.preprocess(
	(v: Values) => ({ unitId: v.unitId, version: formNumber(v.version), status: v.status, litresLeft: formNumber(v.litresLeft) }),
	unitStatusChangeInput.extend({ unitId: id('Onbekende eenheid.') })
);

export const newUnitForm = z.preprocess(
	(v: Values) => ({
		code: v.code,
		kind: v.kind,
		station: v.station,
		capacityLitres: formNumber(v.capacityLitres),
		pumpRateLpm: formNumber(v.pumpRateLpm),
		crew: v.crew,
		home: formPosition(v, 'home')
	}),
	newUnitInput
);

export const editUnitForm = z.preprocess(
	(v: Values) => ({
		unitId: v.unitId,
		version: formNumber(v.version),
		code: v.code,
		station: v.station,
		capacityLitres: formNumber(v.capacityLitres),
		pumpRateLpm: formNumber(v.pumpRateLpm),
		crew: v.crew,
		inService: v.inService ? v.inService === 'ja' : undefined
	}),
	z.intersection(unitEditInput, z.object({ unitId: id('Onbekende eenheid.') }))
);
