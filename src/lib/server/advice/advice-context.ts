// What the advice service's callers may pass along with a change: the client's address for the
// audit, a municipality's own risicoscan model, and (for the demo seed and tests) the moment.
import type { RisicoscanModel } from '../../domain/risicoscan';

export interface AdviceCtx {
	ip?: string | null;
	/** A municipality's own risicoscan model, when it has one (the default model otherwise). */
	model?: RisicoscanModel;
	/** The moment of the change (the demo seed and tests); the database clock otherwise. */
	now?: Date;
}
