// The alert's settings from the configuration (docs/configuration.md): minutes before the backup
// is alerted, hours a one-tap link stays valid, and the public address the link points to.
import { config } from '../config.ts';

export interface AlertSettings {
	escalationMinutes: number;
	linkHours: number;
	baseUrl: string;
}

export function alertSettings(): AlertSettings {
	const c = config();
	return {
		escalationMinutes: c.PARAAT_ALARM_ESCALATIE_MINUTEN,
		linkHours: c.PARAAT_ALARM_LINK_UREN,
		baseUrl: c.ORIGIN ?? `http://localhost:${c.PORT}`
	};
}
