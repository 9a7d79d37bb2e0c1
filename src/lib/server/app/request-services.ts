// The composition root of the request context: every capability's services, bound to the database
// once. The hook puts them on `event.locals.services`; routes call them and never see the handle.
// A capability's key is its code name (see docs/glossary.md); its modules are the ones whose
// functions take `db` first: services, page loaders and exports alike.
import type { Database } from '../db/index.ts';
import { bindDb } from './bind-db.ts';
import * as adviceService from '../advice/advice-service.ts';
import * as adviceSettingsService from '../advice/advice-settings-service.ts';
import * as advicePage from '../advice/advice-page.ts';
import * as auditService from '../audit-trail/audit-trail-service.ts';
import * as oncallService from '../alerting/oncall-service.ts';
import { alertService } from '../alerting/alert-service.ts';
import { alertGripService } from '../alerting/alert-grip.ts';
import { alertLinkService } from '../alerting/alert-link-service.ts';
import { alertSettings } from '../alerting/alert-settings.ts';
import { wiredDelivery, type DeliverNotifications } from '../alerting/notification-delivery.ts';
import * as login from '../auth/login.ts';
import * as loginChallenge from '../auth/login-challenge.ts';
import * as logout from '../auth/logout.ts';
import * as session from '../auth/session.ts';
import * as passwordChange from '../auth/password-change.ts';
import * as recoveryRenewal from '../auth/recovery-renewal.ts';
import * as secondFactor from '../auth/second-factor.ts';
import * as sessionOverview from '../auth/session-overview.ts';
import * as oidcLogin from '../identity/oidc-login.ts';
import * as providerAdmin from '../identity/provider-admin.ts';
import * as providers from '../identity/providers.ts';
import * as bibobService from '../bibob/bibob-service.ts';
import * as bibobReadService from '../bibob/bibob-read-service.ts';
import * as bibobRetentionService from '../bibob/bibob-retention-service.ts';
import * as bibobStepService from '../bibob/bibob-step-service.ts';
import * as bluswaterService from '../bluswater/bluswater-service.ts';
import * as fleetService from '../bluswater/fleet-service.ts';
import * as bluswaterPage from '../bluswater/bluswater-page.ts';
import * as calendarService from '../calendar/calendar-service.ts';
import * as calendarExport from '../calendar/calendar-export.ts';
import * as calendarPage from '../calendar/calendar-page.ts';
import * as feedKeyService from '../calendar/feed-key-service.ts';
import * as applicationService from '../events/application-service.ts';
import * as applicationPage from '../events/application-page.ts';
import * as documentService from '../events/document-service.ts';
import * as eventImportService from '../events/event-import-service.ts';
import * as eventSettingsService from '../events/event-settings-service.ts';
import * as risicoscanService from '../events/risicoscan-service.ts';
import * as myWork from '../home/my-work.ts';
import * as idempotencyStore from '../http/idempotency-store.ts';
import * as incidentService from '../incidents/incident-service.ts';
import * as incidentPage from '../incidents/incident-page.ts';
import * as injectService from '../injects/inject-service.ts';
import * as logService from '../logbook/log-service.ts';
import * as pictureService from '../logbook/picture-service.ts';
import * as timelineService from '../logbook/timeline-service.ts';
import * as incidentShell from '../logbook/incident-shell.ts';
import * as mapService from '../map/map-service.ts';
import * as placeService from '../map/place-service.ts';
import * as mapPage from '../map/map-page.ts';
import * as noticeService from '../notices/notice-service.ts';
import * as noticePage from '../notices/notice-page.ts';
import * as notificationService from '../notifications/notification-service.ts';
import { currentSeq } from '../realtime/event-log.ts';
import * as safetyPlanService from '../safety-plan/safety-plan-service.ts';
import * as safetyPlanPage from '../safety-plan/safety-plan-page.ts';
import * as neighbourhoodService from '../safety-plan/neighbourhood-service.ts';
import * as neighbourhoodPage from '../safety-plan/neighbourhood-page.ts';
import * as safetyPlanEditing from '../safety-plan/safety-plan-editing.ts';
import * as safetyPlanEditPage from '../safety-plan/safety-plan-edit-page.ts';
import * as taskService from '../tasks/task-service.ts';
import * as templateService from '../tasks/template-service.ts';
import * as userService from '../users/user-service.ts';

export interface RequestServiceOptions {
	/** Where alert messages go: the notification outbox once wired (notification-delivery.ts); tests record them. */
	deliverNotifications?: DeliverNotifications;
}

export function createRequestServices(database: () => Database, options: RequestServiceOptions = {}) {
	const alertDeps = () => ({ deliver: options.deliverNotifications ?? wiredDelivery, settings: alertSettings() });
	return Object.freeze({
		advice: bindDb(database, adviceService, adviceSettingsService, advicePage),
		alerting: bindDb(database, oncallService, alertService(alertDeps), alertGripService(alertDeps), alertLinkService(alertDeps)),
		audit: bindDb(database, auditService),
		auth: bindDb(database, login, loginChallenge, logout, session, passwordChange, recoveryRenewal, secondFactor, sessionOverview),
		bibob: bindDb(database, bibobService, bibobReadService, bibobRetentionService, bibobStepService),
		bluswater: bindDb(database, bluswaterService, fleetService, bluswaterPage),
		calendar: bindDb(database, calendarService, calendarExport, calendarPage, feedKeyService),
		events: bindDb(database, applicationService, applicationPage, documentService, eventImportService, eventSettingsService, risicoscanService),
		home: bindDb(database, myWork),
		identity: bindDb(database, oidcLogin, providerAdmin, providers),
		/** Answers remembered per `Idempotency-Key`, so a retried write is not written twice. */
		idempotency: bindDb(database, idempotencyStore),
		incidents: bindDb(database, incidentService, incidentPage),
		injects: bindDb(database, injectService),
		logbook: bindDb(database, logService, pictureService, timelineService, incidentShell),
		map: bindDb(database, mapService, placeService, mapPage),
		notices: bindDb(database, noticeService, noticePage),
		notifications: bindDb(database, notificationService),
		/** The position of a topic, read before a page's data so its live subscription starts there. */
		realtime: bindDb(database, { currentSeq }),
		safetyPlan: bindDb(database, safetyPlanService, safetyPlanPage, safetyPlanEditing, safetyPlanEditPage, neighbourhoodService, neighbourhoodPage),
		tasks: bindDb(database, taskService, templateService),
		users: bindDb(database, userService)
	});
}

export type RequestServices = ReturnType<typeof createRequestServices>;

/** Who is asking from where, as the services record it in the audit trail. */
export interface RequestCtx {
	readonly ip: string | null;
}
