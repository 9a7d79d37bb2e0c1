// An advice request as /api/v1 returns it and `advice.*` events carry it. The advice rules
// compute over this shape, so it is defined beside them in the domain and named here as the wire.
export type { AdviceRequestRecord } from '../domain/advice/record.ts';
