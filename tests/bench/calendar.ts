// npm run bench:calendar — the regional calendar at scale, on a real app process:
// a region with 50 000 events in five years (bulk insert with generate_series), then p50/p95 of
//  (a) the month view: GET /api/v1/calendar for a month and the /kalender page (SSR),
//  (b) the conflict computation: day loads + samenlopend for that month (the pure rules, in process),
//  (c) the year heat map: GET /api/v1/calendar/year and the /kalender?weergave=jaar page,
// each against a plain indexed SELECT of the same rows in the same run, with the ratios.
// Options: --events 50000 --years 5 --loads 40
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { login, startApp } from './support/app.ts';
import { ms, percentile } from './support/stats.ts';
import { timed } from './support/timing.ts';
import { buildCalendarView, gridWindow, instantRange, monthWindow, yearWindow, type CalendarItem } from '../../src/lib/domain/calendar/index.ts';

const { values } = parseArgs({
	options: {
		events: { type: 'string', default: '50000' },
		years: { type: 'string', default: '5' },
		loads: { type: 'string', default: '40' }
	}
});
const eventCount = Number(values.events);
const years = Number(values.years);
const loads = Number(values.loads);
const FIRST_YEAR = 2030; // clear of the demo year, so the bench measures only its own events
const MONTH = `${FIRST_YEAR + Math.floor(years / 2)}-06`;
const YEAR = FIRST_YEAR + Math.floor(years / 2);

// The same predicate and columns as calendar-queries.ts: public fields of applications on the calendar.
const SELECT_WINDOW = `
	select id, reference, name, municipality_code, category, procedure, status, decision, starts_at, ends_at, peak_visitors, total_visitors, bibob_status
	from event_application
	where tstzrange(starts_at, ends_at) && tstzrange($1, $2)
		and status not in ('concept', 'ingetrokken') and not (status = 'besluit' and decision is not distinct from 'geweigerd')
	order by starts_at, reference`;

async function fetchOk(url: string, cookie: string): Promise<void> {
	const res = await fetch(url, { headers: { cookie } });
	if (!res.ok) throw new Error(`${url}: ${res.status}`);
	await res.arrayBuffer();
}

console.log(`bench:calendar — ${eventCount} evenementen in ${years} jaar, ${loads} metingen, ${os.cpus().length} cores, Node ${process.version}`);

const app = await startApp();
try {
	const db = new pg.Client({ connectionString: app.databaseUrl });
	await db.connect();

	// A believable mix: 80 % A, 15 % B, 5 % C; mostly an afternoon or evening, some running past
	// midnight, one in twenty over several days; one in twenty a concept or withdrawn.
	const t0 = performance.now();
	await db.query(
		`insert into event_application (reference, municipality_code, status, decision, procedure, name, starts_at, ends_at, peak_visitors, computed_category, submitted_at)
		select 'BENCH-' || i,
			(array['beverwijk','bloemendaal','haarlem','haarlemmermeer','heemskerk','heemstede','uitgeest','velsen','zandvoort'])[1 + (i * 7) % 9],
			case when i % 40 = 0 then 'concept' when i % 40 = 1 then 'ingetrokken' when i % 3 = 0 then 'besluit' else 'ingediend' end,
			case when i % 40 <> 0 and i % 40 <> 1 and i % 3 = 0 then 'verleend' end,
			case when i % 100 < 80 then 'melding' else 'vergunning' end,
			'Benchmarkevenement ' || i,
			s.starts_at,
			s.starts_at + case when i % 20 = 0 then interval '2 days 10 hours' else ((4 + (i * 13) % 9) * interval '1 hour') end,
			case when i % 100 < 80 then 50 + (i * 31) % 900 when i % 100 < 95 then 2000 + (i * 17) % 8000 else 15000 + (i * 7) % 60000 end,
			case when i % 100 < 80 then 'A' when i % 100 < 95 then 'B' else 'C' end,
			now()
		from generate_series(1, $1::int) i,
			lateral (select make_timestamptz(${FIRST_YEAR}, 1, 1, 9, 0, 0, 'Europe/Amsterdam')
				+ ((i * 7919) % ($2::int * 365)) * interval '1 day' + ((i * 37) % 12) * interval '1 hour' as starts_at) s`,
		[eventCount, years]
	);
	await db.query('analyze event_application');
	console.log(`ingevoegd: ${eventCount} evenementen in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

	const reader = await login(app.base, 'waarnemer.velsen@paraat.test');
	const month = monthWindow(MONTH);
	const monthRange = instantRange(gridWindow(MONTH));
	const yearRange = instantRange(yearWindow(YEAR));

	const monthRows = (await db.query(SELECT_WINDOW, [monthRange.from, monthRange.to])).rows;
	const yearRowCount = (await db.query(SELECT_WINDOW, [yearRange.from, yearRange.to])).rowCount;
	console.log(`maand ${MONTH}: ${monthRows.length} evenementen in het raster; jaar ${YEAR}: ${yearRowCount} evenementen`);

	// (a) month view
	const selectMonth = await timed(loads, () => db.query(SELECT_WINDOW, [monthRange.from, monthRange.to]));
	const apiMonth = await timed(loads, () => fetchOk(`${app.base}/api/v1/calendar?from=${month.from}&to=${month.to}`, reader));
	const pageMonth = await timed(loads, () => fetchOk(`${app.base}/kalender?maand=${MONTH}`, reader));

	// (b) conflict computation for the month grid, on the rows the SELECT returns
	const items: CalendarItem[] = monthRows.map((r) => ({ id: r.id, municipality: r.municipality_code, category: r.category, startsAt: r.starts_at, endsAt: r.ends_at }));
	let groups = 0;
	let busy = 0;
	const conflicts = await timed(loads, async () => {
		const view = buildCalendarView(items, gridWindow(MONTH));
		groups = view.samenlopend.length;
		busy = view.days.filter((d) => d.busy).length;
	});
	console.log(`conflicten in ${MONTH}: ${busy} drukke dagen, ${groups} groepen samenlopend`);

	// (c) year heat map
	const selectYear = await timed(loads, () => db.query(SELECT_WINDOW, [yearRange.from, yearRange.to]));
	const apiYear = await timed(loads, () => fetchOk(`${app.base}/api/v1/calendar/year?year=${YEAR}`, reader));
	const pageYear = await timed(loads, () => fetchOk(`${app.base}/kalender?weergave=jaar&jaar=${YEAR}`, reader));
	await db.end();

	const line = (name: string, t: number[], base?: number[]) =>
		`${name.padEnd(46)} p50 ${ms(percentile(t, 50)).padStart(9)}  p95 ${ms(percentile(t, 95)).padStart(9)}` +
		(base ? `   ratio p50 ${(percentile(t, 50) / percentile(base, 50)).toFixed(1)}×  p95 ${(percentile(t, 95) / percentile(base, 95)).toFixed(1)}×` : '');
	console.log('\n(a) maandweergave');
	console.log(line(`SELECT ${monthRows.length} rijen (pg, GiST-index)`, selectMonth));
	console.log(line('GET /api/v1/calendar (maand)', apiMonth, selectMonth));
	console.log(line('GET /kalender?maand= (pagina, SSR)', pageMonth, selectMonth));
	console.log('\n(b) conflictberekening (dagbelasting + samenlopend)');
	console.log(line(`buildCalendarView op ${items.length} evenementen`, conflicts, selectMonth));
	console.log('\n(c) jaar-hittekaart');
	console.log(line(`SELECT ${yearRowCount} rijen (pg, GiST-index)`, selectYear));
	console.log(line('GET /api/v1/calendar/year (SQL-aggregaat)', apiYear, selectYear));
	console.log(line('GET /kalender?weergave=jaar (pagina, SSR)', pageYear, selectYear));
} finally {
	await app.stop();
}
