// Resident memory of a process and all its descendants (the app's primary and its workers), read
// from /proc: what the machine actually spends on the app, whatever the worker count.
import { readdirSync, readFileSync } from 'node:fs';

function childrenOf(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command may contain spaces and parentheses: the ppid follows the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(ppid) ?? [];
			list.push(Number(name));
			children.set(ppid, list);
		} catch {
			// gone meanwhile
		}
	}
	return children;
}

function rssBytes(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
		return kb ? Number(kb) * 1024 : 0;
	} catch {
		return 0;
	}
}

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		return '';
	}
}

/** RSS of `pid` and its descendants, leaving out PostgreSQL (its own processes, measured apart). */
export function appRss(pid: number): number {
	const children = childrenOf();
	let total = 0;
	const stack = [pid];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (/postgres/.test(commandOf(current))) continue;
		total += rssBytes(current);
		stack.push(...(children.get(current) ?? []));
	}
	return total;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime, and with `reaped` also what its ended children used (PostgreSQL's postmaster reaps its backends). */
function cpuTicks(pid: number, reaped = false): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
	} catch {
		return 0;
	}
}

/**
 * CPU time (ms) the app's own processes and its PostgreSQL processes have used so far. Unlike a
 * profile's sample times, this does not grow when other programs keep the process off the core.
 */
export function cpuTimes(pid: number): { app: number; postgres: number } {
	const children = childrenOf();
	const out = { app: 0, postgres: 0 };
	const stack = [pid];
	while (stack.length > 0) {
		const current = stack.pop()!;
		const postgres = /postgres/.test(commandOf(current));
		const ms = (cpuTicks(current, postgres) * 1000) / TICKS_PER_SECOND;
		if (postgres) out.postgres += ms;
		else out.app += ms;
		stack.push(...(children.get(current) ?? []));
	}
	return out;
}
