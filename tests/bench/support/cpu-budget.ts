// Where the machine's cores went during a measured window: the app's processes, its PostgreSQL,
// this load generator (whose clients receive every event too), and everything else on the machine.
// On a shared machine the last part says how far a run's figures can be trusted.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { cpuTimes } from './process-memory.ts';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Busy CPU time of the whole machine so far (ms): all cores, idle and iowait left out. */
function machineBusyMs(): number {
	const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
	const ticks = fields.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
	const busy = ticks.reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!;
	return (busy * 1000) / TICKS_PER_SECOND;
}

interface Snapshot {
	at: number;
	machine: number;
	app: number;
	postgres: number;
	generator: number;
}

function snapshot(appPid: number): Snapshot {
	const own = process.cpuUsage();
	const { app, postgres } = cpuTimes(appPid);
	return { at: performance.now(), machine: machineBusyMs(), app, postgres, generator: (own.user + own.system) / 1000 };
}

export interface CpuBudget {
	/** Cores busy on average during the window, per part. */
	machine: number;
	app: number;
	postgres: number;
	generator: number;
	others: number;
	cores: number;
}

/** Starts a window; the returned function ends it and gives the average cores in use per part. */
export function measureCpu(appPid: number): () => CpuBudget {
	const begin = snapshot(appPid);
	return () => {
		const end = snapshot(appPid);
		const seconds = (end.at - begin.at) / 1000;
		const cores = (key: keyof Omit<Snapshot, 'at'>) => (end[key] - begin[key]) / 1000 / seconds;
		const machine = cores('machine');
		const app = cores('app');
		const postgres = cores('postgres');
		const generator = cores('generator');
		return { machine, app, postgres, generator, others: Math.max(0, machine - app - postgres - generator), cores: os.availableParallelism() };
	};
}

export function formatBudget(b: CpuBudget): string {
	const f = (n: number) => n.toFixed(2);
	return `${f(b.machine)} van ${b.cores} cores bezet: app ${f(b.app)}, PostgreSQL ${f(b.postgres)}, belastinggenerator ${f(b.generator)}, andere programma's ${f(b.others)}`;
}
