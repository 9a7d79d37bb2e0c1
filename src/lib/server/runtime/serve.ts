// `npm run serve`: starts the build that `npm run build` made, and never builds itself. Runs after
// `npm ci --omit=dev` (no vite); migrations run at start, as with `npm start`.
import { fileURLToPath } from 'node:url';
import { runServer } from './run-server.ts';

await runServer(fileURLToPath(new URL('../../../../', import.meta.url)));
