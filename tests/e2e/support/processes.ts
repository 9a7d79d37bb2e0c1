// Extra production nodes and nginx for the multi-node end-to-end tests: started as child
// processes, waited for by polling their own answers, stopped with SIGTERM (as an orchestrator
// would) and reported with their output when they fail.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Child {
	process: ChildProcess;
	output(): string;
	/** Resolves when the output (from the start, also beyond what output() keeps) matched `pattern`. */
	waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
	/** SIGTERM, then wait for the exit; resolves with the exit code (null when killed). */
	stop(timeoutMs?: number): Promise<number | null>;
}

function supervise(child: ChildProcess, name: string): Child {
	let output = '';
	// Everything, for waitForOutput (a test's node writes a few hundred kB at most).
	let all = '';
	const watchers = new Set<() => void>();
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
		all += chunk.toString();
		for (const check of watchers) check();
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {
		process: child,
		output: () => `--- ${name}\n${output}`,
		waitForOutput(pattern, timeoutMs) {
			return new Promise((resolve, reject) => {
				const done = (err?: Error) => {
					watchers.delete(check);
					child.off('exit', onExit);
					clearTimeout(timer);
					if (err) reject(err);
					else resolve();
				};
				const check = () => {
					if (pattern.test(all)) done();
				};
				const onExit = () => done(new Error(`gestopt voordat de uitvoer ${pattern} liet zien\n--- ${name}\n${output}`));
				const timer = setTimeout(() => done(new Error(`${pattern} niet in de uitvoer binnen ${timeoutMs} ms\n--- ${name}\n${output}`)), timeoutMs);
				watchers.add(check);
				child.once('exit', onExit);
				check();
			});
		},
		async stop(timeoutMs = 30_000) {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			const code = await exited;
			clearTimeout(timer);
			return code;
		}
	};
}

/** Polls `url` until it answers 200; fails early when the process exits. */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.process.exitCode !== null) throw new Error(`gestopt (code ${child.process.exitCode})\n${child.output()}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval
	}
	throw new Error(`${url} niet gereed binnen ${timeoutMs} ms\n${child.output()}`);
}

/** A production node (the built artefact, no build) on an existing database. */
export function startNode(port: number, databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Child {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		DATABASE_URL: databaseUrl,
		PARAAT_DEMO: '1',
		PARAAT_SKIP_BUILD: '1',
		PORT: String(port),
		LOG_LEVEL: 'warn',
		...extraEnv
	};
	delete env.PARAAT_DATA_DIR;
	delete env.PARAAT_PG_PORT;
	const child = spawn(process.execPath, ['src/lib/server/runtime/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	return supervise(child, `knooppunt :${port}`);
}

/** The primary's line once every worker of a node listens (startNode with LOG_LEVEL info). */
export const ALL_WORKERS_LISTEN = /"workers":\d+,[^\n]*"msg":"Paraat gestart"/;

/**
 * nginx (Debian's package) with its own prefix and configuration: `upstreams` in order, every one
 * after the first marked `backup`, so "the other node" is known. The location itself is the
 * shipped deploy/paraat-proxy.conf.
 */
export function startNginx(prefix: string, port: number, upstreams: number[]): Child {
	mkdirSync(path.join(prefix, 'logs'), { recursive: true });
	const servers = upstreams.map((p, i) => `        server 127.0.0.1:${p}${i === 0 ? ' max_fails=1 fail_timeout=30s' : ' backup'};`).join('\n');
	const conf = `worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 256; }
http {
    access_log ${prefix}/logs/access.log;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    upstream paraat {
${servers}
    }
    server {
        listen 127.0.0.1:${port};
        include ${path.join(root, 'deploy', 'paraat-proxy.conf')};
    }
}
`;
	const confPath = path.join(prefix, 'nginx.conf');
	writeFileSync(confPath, conf);
	const test = spawnSync('nginx', ['-t', '-p', prefix, '-c', confPath], { encoding: 'utf8' });
	if (test.status !== 0) throw new Error(`nginx-configuratie ongeldig:\n${test.stderr}`);
	const child = spawn('nginx', ['-p', prefix, '-c', confPath, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
	return supervise(child, 'nginx');
}
