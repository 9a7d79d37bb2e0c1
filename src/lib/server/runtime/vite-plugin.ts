// `npm run dev`: the same bootstrap and socket.io as production, on Vite's own HTTP server.
import type { Plugin } from 'vite';

export function paraatDevServer(): Plugin {
	return {
		name: 'paraat-dev-server',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer || process.env.VITEST) return;
			// Imported lazily so `vite build` and Vitest never start a database.
			const { bootstrap, demoBanner } = await import('./bootstrap.ts');
			const { createDb } = await import('../db/index.ts');
			const { attachRealtime } = await import('../realtime/server.ts');
			const { registerCapabilities } = await import('./capabilities.ts');
			const { startInjectScheduler } = await import('../injects/inject-scheduler.ts');
			const { startAlertScheduler } = await import('../alerting/alert-scheduler.ts');
			const { alertSettings } = await import('../alerting/alert-settings.ts');
			const { wiredDelivery } = await import('../alerting/notification-delivery.ts');
			const { startNotifications } = await import('../notifications/notification-runtime.ts');
			const boot = await bootstrap().catch((err: unknown) => {
				// A start failure a person can fix: its one sentence, not Vite's stack trace.
				if (err instanceof Error && 'startupSentence' in err) {
					console.error(err.startupSentence);
					process.exit(1);
				}
				throw err;
			});
			const db = createDb(boot.databaseUrl, { max: 5 });
			// This module graph is not SvelteKit's: the socket layer needs its own registration.
			registerCapabilities();
			const realtime = await attachRealtime(server.httpServer as import('node:http').Server, {
				db,
				connectionString: boot.databaseUrl,
				log: (level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? '')
			});
			const injects = startInjectScheduler(db, { log: (level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? '') });
			const alerts = startAlertScheduler(db, () => ({ deliver: wiredDelivery, settings: alertSettings() }), { log: (level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? '') });
			const notifications = await startNotifications(db, { log: (level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? '') });
			const { opsRoutes } = await import('./ops-routes.ts');
			const ops = opsRoutes({ db, listening: () => realtime.listening(), metricsToken: process.env.PARAAT_METRICS_TOKEN?.trim() || undefined });
			server.middlewares.use((req, res, next) => (ops(req, res) ? undefined : next()));
			server.httpServer.once('listening', () => {
				if (boot.demo) console.log(demoBanner(`http://localhost:${server.config.server.port}`, boot.demoAccounts));
			});
			server.httpServer.once('close', () => {
				void injects
					.stop()
					.then(() => alerts.stop())
					.then(() => notifications.stop())
					.then(() => realtime.close())
					.then(() => db.destroy())
					.then(() => boot.stop());
			});
		}
	};
}
