// The incident map's drawn features as /api/v1 takes and returns them: GeoJSON (RFC 7946)
// Features whose `properties` carry Paraat's fields. Browser and server validate with the same
// schemas; geometry rules (closed rings, coordinates in range, size) are src/lib/domain/map.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { FEATURE_TYPES, type FeatureType } from '../domain/map/feature-types.ts';
import { geometryProblem, type Geometry } from '../domain/map/geometry.ts';
import type { PersonRef } from './people.ts';

const featureType = z.enum(FEATURE_TYPES, { error: `Onbekend soort kaartobject; kies uit ${FEATURE_TYPES.join(', ')}.` });
const label = safeText({ error: 'Geef het kaartobject een naam (label).' })
	.trim()
	.min(1, { error: 'Geef het kaartobject een naam (label).' })
	.max(120, { error: 'Een naam op de kaart mag hoogstens 120 tekens hebben.' });
const colour = z
	.string({ error: 'Een kleur is een tekst als #d52b1e.' })
	.regex(/^#[0-9a-fA-F]{6}$/, { error: 'Een kleur is een hexadecimale kleur als #d52b1e.' })
	.transform((c) => c.toLowerCase());
const version = z
	.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
	.int({ error: 'version is een geheel getal.' })
	.check(...fitsInteger())
	.min(1, { error: 'version is 1 of meer.' });

const position = z.array(z.number({ error: 'Een coördinaat is een getal.' }));
/** A geometry: the shape by zod, the rules (range, closed rings, size) by the domain. */
export const geometrySchema = z
	.object(
		{
			type: z.enum(['Point', 'LineString', 'Polygon'], { error: 'Teken een punt (Point), een lijn (LineString) of een vlak (Polygon).' }),
			coordinates: z.union([position, z.array(position), z.array(z.array(position))], { error: 'De coördinaten hebben niet de vorm van GeoJSON.' })
		},
		{ error: 'Een kaartobject heeft een geometrie (geometry) met type en coordinates.' }
	)
	.check((ctx) => {
		const problem = geometryProblem(ctx.value);
		if (problem) ctx.issues.push({ code: 'custom', message: problem.message, path: problem.path, input: ctx.value });
	})
	.transform((g) => g as Geometry);

/** POST /api/v1/incidents/:id/features: one GeoJSON Feature. */
export const newFeatureInput = z.object(
	{
		type: z.literal('Feature', { error: 'Stuur een GeoJSON Feature (type "Feature").' }),
		geometry: geometrySchema,
		properties: z.object(
			{ type: featureType, label, colour: colour.nullish() },
			{ error: 'Een kaartobject heeft properties met ten minste type en label.' }
		)
	},
	{ error: 'Stuur een GeoJSON Feature.' }
);
export type NewFeatureInput = z.output<typeof newFeatureInput>;

/** PATCH /api/v1/features/:id: what changes, with the version the writer saw. */
export const featureChangeInput = z
	.object({
		version,
		geometry: geometrySchema.optional(),
		type: featureType.optional(),
		label: label.optional(),
		/** null: back to the type's colour. */
		colour: colour.nullable().optional()
	})
	.refine((v) => v.geometry !== undefined || v.type !== undefined || v.label !== undefined || v.colour !== undefined, {
		error: 'Er is niets te wijzigen: stuur geometry, type, label of colour mee.'
	});
export type FeatureChangeInput = z.output<typeof featureChangeInput>;

/** DELETE /api/v1/features/:id: the version the deleter saw (body, or ?version=). */
export const featureDeleteInput = z.object({ version: z.coerce.number({ error: 'Stuur de versie mee die je voor het laatst zag (version).' }).pipe(version) });
export type FeatureDeleteInput = z.output<typeof featureDeleteInput>;

export interface FeatureProperties {
	id: string;
	incidentId: string;
	type: FeatureType;
	label: string;
	/** The feature's own colour, or null for its type's. */
	colour: string | null;
	version: number;
	updatedAt: string;
	updatedBy: PersonRef;
	/** Set once deleted (events only; the API lists live features). */
	deletedAt: string | null;
	exercise: boolean;
}

/** One drawn feature: a GeoJSON Feature with Paraat's properties. */
export interface MapFeatureRecord {
	type: 'Feature';
	id: string;
	geometry: Geometry;
	properties: FeatureProperties;
}

export interface MapFeatureCollection {
	type: 'FeatureCollection';
	features: MapFeatureRecord[];
}
