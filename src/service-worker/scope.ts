// The service worker's global scope, typed. Every feature of the worker is a small module that
// registers its listeners on it (see index.ts).

export const sw = self as unknown as ServiceWorkerGlobalScope;

export interface ServiceWorkerFeature {
	/** For the worker's log: which feature registered what. */
	readonly name: string;
	register(scope: ServiceWorkerGlobalScope): void;
}
