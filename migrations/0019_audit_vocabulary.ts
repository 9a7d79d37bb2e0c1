import { type Kysely, sql } from 'kysely';

// One name per concept: audit actions follow the realtime event types' vocabulary (`task.updated`
// beside event type `task.updated` and permission `task.write`, where it used to say
// `taak.gewijzigd`). This renames the rows already written. audit_log is append-only by trigger,
// so the trigger is switched off for this one statement, inside the migration's transaction,
// and switched on again before anyone else can write.
//
// The list is frozen here on purpose: a migration must keep meaning what it meant when it ran,
// whatever the code's names become later. The Dutch words a reader sees are in
// src/lib/domain/wording/audit.ts.

/** Old stored code → the code the services write from now on. */
const RENAMED: readonly (readonly [string, string])[] = [
	['sessie.ingelogd', 'session.created'],
	['sessie.uitgelogd', 'session.ended'],
	['sessie.inloggen_mislukt', 'session.login_failed'],
	['sessie.tweede_factor_ingesteld', 'session.second_factor_enrolled'],
	['sessie.tweede_factor_mislukt', 'session.second_factor_failed'],
	['gebruiker.aangemaakt', 'user.created'],
	['gebruiker.geactiveerd', 'user.activated'],
	['gebruiker.geblokkeerd', 'user.blocked'],
	['rol.toegekend', 'grant.created'],
	['rol.ingetrokken', 'grant.revoked'],
	['rol.bevestigd', 'grant.confirmed'],
	['bericht.geplaatst', 'notice.created'],
	['bericht.gelezen', 'notice.read'],
	['bericht.ingetrokken', 'notice.withdrawn'],
	['incident.aangemaakt', 'incident.created'],
	['incident.grip_gewijzigd', 'incident.grip_changed'],
	['incident.status_gewijzigd', 'incident.status_changed'],
	['oefening.gearchiveerd', 'incident.archived'],
	['bevolkingszorg.geactiveerd', 'bevolkingszorg.activated'],
	['taak.aangemaakt', 'task.created'],
	['taak.gewijzigd', 'task.updated'],
	['taak.notitie', 'task.note'],
	['taken.toegewezen', 'task.bulk_assigned'],
	['taakkaart.toegevoegd', 'template.created'],
	['taakkaart.gewijzigd', 'template.updated'],
	['logregel.toegevoegd', 'log.created'],
	['logregel.gecorrigeerd', 'log.corrected'],
	['logregel.geverifieerd', 'log.verified'],
	['beeld.gewijzigd', 'picture.updated'],
	['sitrap.gepubliceerd', 'sitrap.published'],
	['inject.aangemaakt', 'inject.created'],
	['inject.verwijderd', 'inject.deleted'],
	['inject.afgeleverd', 'inject.delivered'],
	['tijdlijn.geexporteerd', 'timeline.exported'],
	['bluswater.eenheid_toegevoegd', 'bluswater.unit.created'],
	['bluswater.eenheid_gewijzigd', 'bluswater.unit.updated'],
	['bluswater.status_gewijzigd', 'bluswater.unit.status_changed'],
	['bluswater.eenheid_ingezet', 'bluswater.assignment.created'],
	['bluswater.inzet_beeindigd', 'bluswater.assignment.ended'],
	['bluswater.verzoek_aangemaakt', 'bluswater.request.created'],
	['bluswater.verzoek_gewijzigd', 'bluswater.request.updated'],
	['bluswater.verzoek_beeindigd', 'bluswater.request.ended'],
	['evenement.aanvraag_aangemaakt', 'application.created'],
	['evenement.aanvraag_gekopieerd', 'application.copied'],
	['evenement.aanvraag_ingediend', 'application.submitted'],
	['evenement.aanvraag_gewijzigd', 'application.updated'],
	['evenement.aanvraag_status', 'application.status_changed'],
	['evenement.klasse_aangepast', 'application.category_overridden'],
	['evenement.besluit', 'application.decided'],
	['evenement.document_toegevoegd', 'application.document_added'],
	['evenement.instellingen_gewijzigd', 'event_settings.updated'],
	['evenement.risicoscanmodel_opgeslagen', 'risicoscan_model.saved'],
	['advies.gevraagd', 'advice.requested'],
	['advies.uitgebracht', 'advice.answered'],
	['advies.ingetrokken', 'advice.withdrawn'],
	['advies.termijnen_gewijzigd', 'advice_settings.updated'],
	['kalender.feedsleutel_gemaakt', 'calendar.feed_key.created'],
	['kalender.feedsleutel_ingetrokken', 'calendar.feed_key.revoked'],
	['bibob.toegang_geweigerd', 'bibob.access_refused'],
	['bibob.dossier_geopend', 'bibob.file.opened'],
	['bibob.dossier_vernietigd', 'bibob.file.destroyed'],
	['bibob.instellingen_gewijzigd', 'bibob.settings.changed'],
	['bibob.betrokkene_toegevoegd', 'bibob.file.party_added'],
	['bibob.vragenlijst_vastgelegd', 'bibob.file.questionnaire_recorded'],
	['bibob.antwoord_vastgelegd', 'bibob.file.answer_recorded'],
	['bibob.bevinding_vastgelegd', 'bibob.file.finding_recorded'],
	['bibob.conclusie_vastgelegd', 'bibob.file.conclusion_recorded'],
	['bibob.aanvullende_vragen', 'bibob.file.extra_questions_sent'],
	['bibob.aanvullende_vragen_beantwoord', 'bibob.file.extra_questions_answered'],
	['bibob.lbb_advies_gevraagd', 'bibob.file.lbb_advice_requested'],
	['bibob.lbb_termijn_verlengd', 'bibob.file.lbb_term_extended'],
	['bibob.lbb_advies_ontvangen', 'bibob.file.lbb_advice_received'],
	['bibob.voornemen_verstuurd', 'bibob.file.intention_sent'],
	['bibob.zienswijze_ontvangen', 'bibob.file.hearing_received'],
	['bibob.besluit_genomen', 'bibob.file.decided'],
	['bibob.dossier_gesloten', 'bibob.file.closed'],
	['bibob.verstrekking_vastgelegd', 'bibob.file.disclosure_recorded'],
];

/** Written by an earlier version for the same change as `evenement.aanvraag_status` (same words). */
const LEGACY: readonly (readonly [string, string])[] = [['evenement.status_gewijzigd', 'application.status_changed']];

async function rename(db: Kysely<unknown>, pairs: readonly (readonly [string, string])[]): Promise<void> {
	const values = sql.join(pairs.map(([from, to]) => sql`(${from}::text, ${to}::text)`));
	await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
	await sql`update audit_log set action = m.to_code from (values ${values}) as m(from_code, to_code) where audit_log.action = m.from_code`.execute(db);
	await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
	await rename(db, [...RENAMED, ...LEGACY]);
}

// Back to the codes the previous version writes and words. Rows of the legacy code come back as
// `evenement.aanvraag_status`, the code that version writes for the same change.
export async function down(db: Kysely<unknown>): Promise<void> {
	await rename(db, RENAMED.map(([from, to]) => [to, from] as const));
}
