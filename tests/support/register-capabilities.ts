// Vitest setup: as at every real start (runtime/capabilities.ts), the capabilities register their
// topics and OpenAPI parts, so tests that call authoriseTopic or openApiDocument directly see them.
import { registerCapabilities } from '../../src/lib/server/runtime/capabilities.ts';

registerCapabilities();
