// What crosses the wire for the integral safety plan (issue 18): the plan list of
// GET /api/v1/safety-plans, the full plan the pages and the report read, and the body that changes
// an action's status. Framework-free: imported by server and browser alike.
import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../domain/safety-plan/actions.ts';
import type { Direction } from '../domain/safety-plan/indicators.ts';

/** One entry of `GET /api/v1/safety-plans?municipality=<code>` (the contract of issue 18, to the letter). */
export interface SafetyPlanSummary {
	id: string;
	municipality: string;
	title: string;
	startYear: number;
	endYear: number;
	priorities: { id: string; title: string; ambition: string }[];
}

export type PriorityKind = 'prioriteit' | 'thema';

/** A priority or strategic theme with every field the plans state. */
export interface SafetyPlanPriority {
	id: string;
	kind: PriorityKind;
	position: number;
	title: string;
	why: string;
	ambition: string;
	approach: string;
	conditions: string;
	focusArea: string;
	partners: string;
	residentsRole: string;
}

export interface SafetyPlanRecord {
	id: string;
	municipality: string;
	title: string;
	startYear: number;
	endYear: number;
	ambition: string;
	version: number;
	isDemo: boolean;
	updatedAt: string;
	priorities: SafetyPlanPriority[];
}

export interface SafetyPlanAction {
	id: string;
	planId: string;
	priorityId: string;
	year: number;
	title: string;
	owner: string;
	plannedQuarter: number;
	status: ActionStatus;
	version: number;
	isDemo: boolean;
	updatedAt: string;
}

export interface IndicatorMeasurement {
	/** '' for the whole municipality, else a CBS wijk (WK…) or buurt (BU…) code. */
	areaCode: string;
	year: number;
	value: number;
	source: string;
	/** The date of the figure (YYYY-MM-DD): every number traceable to its source and date. */
	measuredOn: string;
	isDemo: boolean;
}

export interface SafetyPlanIndicator {
	id: string;
	priorityId: string;
	title: string;
	definition: string;
	source: string;
	unit: string;
	direction: Direction;
	baselineYear: number;
	baseline: number;
	isDemo: boolean;
	targets: { year: number; value: number }[];
	measurements: IndicatorMeasurement[];
}

/** Figures Paraat holds itself, counted per year for a municipality; Bibob only as counts. */
export interface OwnFigures {
	year: number;
	eventsByClass: { A: number; B: number; C: number };
	bibobStarted: number;
	bibobCompleted: number;
	exercisesHeld: number;
	/** The nafase tasks (where an exercise's evaluation is worked out) of those exercises, and how many are done. */
	exerciseEvaluationActions: number;
	exerciseEvaluationActionsDone: number;
}

/** `PATCH /api/v1/safety-plans/:id/actions/:actionId`: a new status, with the version the user saw. */
export const actionStatusInput = z.strictObject({
	version: z.number().int().min(0),
	status: z.enum(ACTION_STATUSES)
});
export type ActionStatusInput = z.infer<typeof actionStatusInput>;
