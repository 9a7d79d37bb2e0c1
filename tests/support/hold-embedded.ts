// A stand-in for a Paraat process in the runner tests: starts the embedded PostgreSQL on the given
// data folder and port, says "klaar" and keeps running until it is killed.
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded.ts';

const [dataDir = '', port = ''] = process.argv.slice(2);
await startEmbeddedPostgres({ dataDir, port: Number(port), fast: true, notice: () => {} });
process.stdout.write('klaar\n');
setInterval(() => {}, 60_000);
