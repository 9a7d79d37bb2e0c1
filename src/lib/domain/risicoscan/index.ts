// The risicoscan: score an application (DOMAIN.md §2) and validate the public API's body.
export {
	ACTIVITIES,
	ALCOHOL_LEVELS,
	AUDIENCE_GROUPS,
	DEFAULT_RISICOSCAN_MODEL,
	SITES,
	YES_NO_CRITERIA,
	type Activity,
	type Advice,
	type AdviceRouting,
	type AlcoholLevel,
	type AudienceGroup,
	type Category,
	type DensityBand,
	type Floor,
	type FloorRule,
	type GradedCriterion,
	type Instant,
	type PeakVisitorBand,
	type Profile,
	type Reason,
	type ReasonCode,
	type RisicoscanInput,
	type RisicoscanModel,
	type RisicoscanResult,
	type Site,
	type YesNoCriterion
} from './model.ts';
export {
	adviceForCategory,
	applicableFloors,
	categoryForPoints,
	higherCategory,
	scoreRisicoscan,
	scoredReasons,
	visitorDensity,
	yesNoCriteriaThatHold
} from './score.ts';
export {
	EVENT_TIME_ZONE,
	calendarDaysSpanned,
	endsAfterOneAm,
	spansMoreThanOneCalendarDay,
	toLocalDateTime,
	type LocalDateTime
} from './local-time.ts';
export { risicoscanInputSchema, zodIssuesToFieldErrors, type FieldError, type RisicoscanBody } from './input-schema.ts';
