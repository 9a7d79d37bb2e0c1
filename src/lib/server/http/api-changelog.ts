// The changelog of API v1: shown in the OpenAPI document's description (so on /api/docs) and
// kept, word for word, in docs/api.md (a unit test holds them together). Newest first.
export const API_CHANGELOG = `## Wijzigingslog

### 1.2.0 — december 2026 (issues #18, #22, #23)
- **Nieuw, optioneel**: de header \`Idempotency-Key\` op \`POST /api/v1/incidents/{id}/tasks\`, \`PATCH /api/v1/tasks/{id}\` en \`POST /api/v1/incidents/{id}/log\`. Een herhaling met dezelfde sleutel (per gebruiker, 24 uur bewaard) krijgt het eerste antwoord met \`Idempotent-Replayed: true\` en schrijft niets opnieuw; dezelfde sleutel voor een ander verzoek: 422; terwijl het eerste verzoek nog loopt: 409 met \`code: idempotency_in_progress\` en \`Retry-After\`. Zonder de header verandert er niets.
- **Nieuw, veiligheidsplan**: \`GET\` en \`PATCH /api/v1/safety-plans/{id}\` (bijstellen geeft versie N+1; 409 bij een verouderde versie), \`GET /api/v1/safety-plans/{id}/versions\` en \`…/versions/{version}\`, \`POST …/actions\`, \`POST …/indicators\`, \`POST …/indicators/{indicatorId}/measurements\`, \`GET …/programme.pdf?year=\` en \`…/programme.docx?year=\` (het jaarlijkse uitvoeringsprogramma), \`GET …/indicators/{indicatorId}/areas?year=&level=\` (\`application/geo+json\`: de wijken of buurten met hun cijfer).
- **Nieuw, evenementen**: \`POST /api/v1/events/import\` (multipart: \`file\`, \`municipality\`, optioneel \`dryRun=1\` en \`mapping\`) → \`{ rows, created, unchanged, errors: [{ row, field, message }] }\`; hetzelfde bestand twee keer maakt niets dubbel.
- **Nieuw, kaart**: \`GET\` en \`POST /api/v1/incidents/{id}/features\` (GeoJSON; \`properties\` met \`id\`, \`type\`, \`label\`, \`version\`), \`PATCH\` en \`DELETE /api/v1/features/{id}\` met \`version\` (409 bij een verouderde versie), \`GET /api/v1/incidents/{id}/features/export\` (download); adres zoeken: \`GET /api/v1/places?q=\` en \`GET /api/v1/places/{placeId}\` (PDOK Locatieserver en Paraats eigen gegevens).
- **Nieuw, alarmering**: \`GET /api/v1/oncall\` → \`[{ function, userId, name, backupUserId }]\`; \`POST /api/v1/incidents/{id}/alerts\` \`{ functions, message }\` → 201 \`{ id, recipients: [{ userId, function, status }], unstaffed }\`; \`GET /api/v1/incidents/{id}/alerts\`; \`GET /api/v1/alerts/{id}\`.
- **Nieuw, meldingen**: \`GET\` en \`PUT /api/v1/notification-preferences\`; \`GET /api/v1/push-subscriptions/public-key\`, \`POST\` en \`DELETE /api/v1/push-subscriptions\`; voor de regionale beheerder \`GET /api/v1/outbox\` en \`POST /api/v1/outbox/{id}/retry\`.

### 1.1.0 — december 2026 (issue #20)
- **Fouten**: elke fout onder \`/api/v1\` is \`application/problem+json\` (RFC 9457) met een Nederlandse \`title\` en \`detail\`, een vaste \`type\` (\`urn:paraat:probleem:<code>\`), \`status\`, \`code\` en bij ongeldige invoer \`invalidParams\`; ook bij een onbekend adres (404), een verkeerde methode (405), te grote gegevens (413) en niet ingelogd (401). Het lid \`error: { code, message, fields? }\` blijft tot API v2.
- **Header**: elk antwoord onder \`/api/v1\` draagt \`API-Version\`, ook fouten en exports.
- **Nieuw**: \`GET /api/v1/calendar.xlsx\` en \`GET /api/v1/incidents/{id}/timeline/xlsx\`: Excel-werkmappen naast de CSV's, met datum- en getalcellen.
- **CSV gewijzigd**: één datumformaat per bestand, genoemd in de kolomkop. Kalender: \`Begin (dd-mm-jjjj uu:mm)\` en \`Einde (dd-mm-jjjj uu:mm)\`; de kolom \`Wanneer\` (een tweede, beschrijvend formaat) is vervallen. Evaluatietijdlijn: Nederlandse kolomkoppen (\`Markering\`, \`Tijdstip (dd-mm-jjjj uu:mm:ss)\`, \`Minuten na start (T)\`, \`Soort\`, …) in plaats van \`markering;tijdstip;tijd;t;…;reactietijd_min\`; de ISO-kolom \`tijdstip\` en de kolom \`tijd\` zijn samen één kolom geworden; \`Soort\` met hoofdletter (\`Logregel\`, \`GRIP\`).
- **ICS gewijzigd**: tijden in lokale tijd met \`TZID=Europe/Amsterdam\` en een \`VTIMEZONE\` (was UTC); elke gebeurtenis heeft \`SEQUENCE\` (stijgt bij elke wijziging) en \`LAST-MODIFIED\`; ingetrokken of geweigerde evenementen blijven in de feed met \`STATUS:CANCELLED\`. De \`UID\` is ongewijzigd.
- **PDF**: SITRAP, evaluatietijdlijn en Bibob-export zijn getagd (PDF/UA-opzet, taal nl-NL) met een ingebed lettertype (DejaVu Sans), zodat elke naam wordt afgedrukt zoals geschreven.
- **Documentatie**: deze pagina, \`/api/docs\`, uit hetzelfde OpenAPI-document. Schemanamen van Bibob-stappen in UpperCamelCase (\`BibobStepExtraQuestions\` was \`BibobStep_extra_questions\`).

### 1.0.0
- Eerste versie van API v1.
`;
