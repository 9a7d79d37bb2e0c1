// `npm run db:migrate`: migrates DATABASE_URL (or the embedded database) and exits non-zero on failure.
import { bootstrap } from './bootstrap.ts';

try {
	const boot = await bootstrap();
	await boot.stop();
	console.log('Database bijgewerkt.');
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
}
