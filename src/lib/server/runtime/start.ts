// `npm start`: builds when the build is missing or older than the sources (a fresh clone, a
// `git pull`), then starts exactly as `npm run serve` does. Building needs the devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './build-freshness.ts';
import { runServer } from './run-server.ts';
import { config } from '../config.ts';
import { logger } from '../log.ts';
import { assertPortFree } from './port-check.ts';
import { StartupError } from '../startup-error.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function ensureBuild(): void {
	if (config().PARAAT_SKIP_BUILD === '1' || buildIsCurrent(root)) return;
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	if (!existsSync(vite)) {
		throw new StartupError(
			'De build ontbreekt of is verouderd en vite is niet geïnstalleerd (npm install zonder devDependencies?): voer `npm install` uit, of maak de build elders en start hem met `npm run serve`.'
		);
	}
	logger.info('build ontbreekt of is verouderd: vite build');
	const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new StartupError('De build is mislukt (zie de meldingen van vite hierboven): los de fout op en start opnieuw.');
}

// A taken port is said before a build of a minute, not after it.
await assertPortFree(config().PORT, config().HOST);
ensureBuild();
await runServer(root);
