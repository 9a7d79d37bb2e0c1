// Structured JSON logs (pino). Never log a password, a token, a cookie or Bibob content:
// those paths are redacted, and request logs carry only method, path, status and ids.
import { pino } from 'pino';

export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
	base: { app: 'paraat' },
	redact: {
		paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'headers.cookie', 'authorization', '*.authorization'],
		censor: '[verborgen]'
	},
	timestamp: pino.stdTimeFunctions.isoTime
});
