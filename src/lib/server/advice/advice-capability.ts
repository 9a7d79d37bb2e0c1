// Advies: `advice:<applicationId>` for the officers of the application's municipality and the
// advisers it was asked of (advice content is not for everyone in the municipality, so never on
// `municipality:<code>`), and an adviser's inbox `adviceinbox:<gemeente>-<discipline>` for advisers
// of that discipline whose grant covers the municipality (a regional adviser follows all nine).
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { isUuid } from '../ids.ts';
import { municipalityExists } from '../region/municipality-queries.ts';
import { findApplicationForAdvice } from '../advice-access/advice-queries.ts';
import { adviserDisciplines, mayReadApplicationAdvice, parseInboxTopic } from '../advice-access/advice-access.ts';
import { advicePaths, adviceSchemas } from './advice-openapi.ts';

export const adviceCapability: Capability = {
	name: 'advice',
	topics: [
		{
			kind: 'advice',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				const application = isUuid(param) ? await findApplicationForAdvice(db, param) : undefined;
				if (!application) return unknownTopic('Deze aanvraag bestaat niet.');
				return (await mayReadApplicationAdvice(db, user, application)) ? allowTopic : forbiddenTopic;
			}
		},
		{
			kind: 'adviceinbox',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				const inbox = parseInboxTopic(param);
				if (!inbox || !(await municipalityExists(db, inbox.municipality))) return unknownTopic(`Onbekende advies-inbox: ${param}`);
				return adviserDisciplines(user, inbox.municipality).includes(inbox.discipline) ? allowTopic : forbiddenTopic;
			}
		}
	],
	api: { paths: advicePaths, schemas: adviceSchemas }
};
