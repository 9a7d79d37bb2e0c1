// Smoke test: the board's components render on the server with realistic records.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import WaterRequestCard from '../../src/lib/components/WaterRequestCard.svelte';
import UnitBoard from '../../src/lib/components/UnitBoard.svelte';
import BluswaterMap from '../../src/lib/components/BluswaterMap.svelte';
import { requestView, type RefillPointRecord, type UnitRecord, type WaterRequestRecord } from '../../src/lib/domain/bluswater-board.ts';

const now = new Date('2026-03-14T12:00:00Z');
const unit = (over: Partial<UnitRecord>): UnitRecord => ({
	id: 'u1', code: 'WTW 12-2', kind: 'wtw', station: 'Haarlem-West', capacityLitres: 17_000, pumpRateLpm: 2_000, crew: 'beroeps',
	home: { lat: 52.3826, lon: 4.615 }, position: { lat: 52.3826, lon: 4.615 }, status: 'beschikbaar', statusChangedAt: '2026-03-14T11:40:00Z',
	incident: null, requestId: null, exercise: false, version: 1, ...over
});
const units = [
	unit({ id: 'u1', status: 'ter_plaatse', requestId: 'r1', incident: { id: 'i1', title: 'Oefening brand', exercise: true }, exercise: true, position: { lat: 52.38, lon: 4.64 } }),
	unit({ id: 'u2', code: 'WTW 12-6', station: 'Velsen', position: { lat: 52.4575, lon: 4.612 }, home: { lat: 52.4575, lon: 4.612 } }),
	unit({ id: 'g1', code: 'GWT 12-1', kind: 'gwt', capacityLitres: 0, pumpRateLpm: 8_000, station: 'Schalkwijk', position: { lat: 52.36, lon: 4.656 } })
];
const request: WaterRequestRecord = {
	id: 'r1', incident: { id: 'i1', title: 'Oefening brand', exercise: true, status: 'actief' }, exercise: true, place: 'Grote Markt',
	position: { lat: 52.38, lon: 4.64 }, target: { lat: 52.38, lon: 4.64 }, targetSource: 'verzoek', demandLpm: 500,
	startedAt: '2026-03-14T11:30:00Z', endedAt: null, createdBy: { id: 'x', name: 'X' }, version: 3,
	assignments: [{ id: 'a1', requestId: 'r1', unitId: 'u1', unitCode: 'WTW 12-2', assignedAt: '2026-03-14T11:35:00Z', arrivedAt: '2026-03-14T11:40:00Z', endedAt: null, litresLeft: null, litresLeftAt: null, litresDelivered: 0, assignedBy: { id: 'x', name: 'X' } }]
};
const refill: RefillPointRecord[] = [{ id: 'p1', name: 'Spaarne, Haarlem', kind: 'open_water', position: { lat: 52.379, lon: 4.644 }, fillRateLpm: 4_000, note: '', active: true }];

describe('bluswater components', () => {
	it('render a request card with gauge, warning, proposal and shuttle plan', () => {
		const view = requestView(request, units, refill, now);
		const { body } = render(WaterRequestCard, { props: { request, view, units, canManage: true, now: now.getTime(), failure: null } });
		// 20 minutes on scene at 500 l/min: 7 000 l, 14 min, amber, nobody coming.
		expect(body).toContain('data-gauge="amber"');
		expect(body).toContain('14 min');
		expect(body).toContain('OEFENING');
		expect(body).toContain('Het water is over 14 min op en er is geen eenheid onderweg');
		expect(body).toContain('WTW 12-6');
		expect(body).toContain('Spaarne, Haarlem');
	});

	it('render the unit board and the map', () => {
		const board = render(UnitBoard, { props: { units, now: now.getTime(), canManage: () => true, failures: {} } }).body;
		expect(board).toContain('data-status="ter_plaatse"');
		expect(board).toContain('sinds 20 min');
		const map = render(BluswaterMap, { props: { units, refillPoints: refill, requests: [request] } }).body;
		expect(map).toContain('Kaart van Kennemerland met 3 eenheden, 1 vulpunten en 1 waterverzoeken');
		expect(map).toContain('Grote Markt');
	});
});
