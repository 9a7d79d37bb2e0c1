// The bluswater board's records (units and water requests with their assignments) as /api/v1
// returns them and `bluswater.*` events carry them. The board's pure rules compute over these
// shapes, so they are defined beside those rules in the domain and named here as the wire.
export type { UnitRecord, WaterRequestRecord } from '../domain/bluswater-board.ts';
