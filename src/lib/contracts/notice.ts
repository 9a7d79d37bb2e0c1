// A regional notice as /api/v1 returns it and `notice.*` events carry it.
import type { PersonRef } from './people.ts';

export interface NoticeRecord {
	id: string;
	title: string;
	text: string;
	severity: 'info' | 'waarschuwing' | 'urgent';
	exercise: boolean;
	createdAt: string;
	/** When the poster withdrew it; a withdrawn notice leaves every banner. */
	withdrawnAt: string | null;
	author: PersonRef;
}
