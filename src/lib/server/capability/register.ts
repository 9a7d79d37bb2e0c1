// Registers capabilities with the realtime core and the HTTP layer. Idempotent: the dev server,
// the production entry, the SvelteKit server hooks and every test may call it again.
import { registerTopic } from '../realtime/topics.ts';
import { registerApiPart } from '../http/openapi-parts.ts';
import type { Capability } from './capability.ts';

export function registerAll(capabilities: readonly Capability[]): void {
	const kinds = new Map<string, string>();
	for (const capability of capabilities) {
		for (const topic of capability.topics) {
			// Two capabilities claiming one topic kind is a wiring mistake, found at the first start.
			const owner = kinds.get(topic.kind);
			if (owner) throw new Error(`Onderwerp ${topic.kind} is al van ${owner}, niet ook van ${capability.name}`);
			kinds.set(topic.kind, capability.name);
			registerTopic(topic);
		}
		if (capability.api) registerApiPart(capability.name, capability.api);
	}
}
