// An incident (crisis or exercise) as /api/v1 returns it and `incident.*` events carry it.
import type { PersonRef } from './people.ts';

export interface IncidentRecord {
	id: string;
	title: string;
	kind: 'crisis' | 'oefening';
	exercise: boolean;
	type: string | null;
	location: string | null;
	position: { lat: number; lon: number } | null;
	status: 'actief' | 'afgeschaald' | 'gesloten';
	grip: number;
	affectedPeople: number | null;
	municipalities: string[];
	startedAt: string;
	createdAt: string;
	createdBy: PersonRef;
	/** When bevolkingszorg was activated (its standard tasks created), or null. */
	bevolkingszorgActivatedAt: string | null;
	/** When a closed exercise was archived, or null. */
	archivedAt: string | null;
	version: number;
}
