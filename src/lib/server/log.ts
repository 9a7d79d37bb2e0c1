// Structured JSON logs (pino). Never log a password, a token, a cookie or Bibob content:
// those paths are redacted, and request logs carry only method, path, status and ids.
import { pino } from 'pino';
import { config } from './config.ts';

export const logger = pino({
	level: config().LOG_LEVEL ?? (config().NODE_ENV === 'test' ? 'warn' : 'info'),
	base: { app: 'paraat' },
	redact: {
		paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'headers.cookie', 'authorization', '*.authorization'],
		censor: '[verborgen]'
	},
	timestamp: pino.stdTimeFunctions.isoTime
});
