// The realtime contract now lives in src/lib/contracts/realtime.ts; this path stays for the
// modules and tests that named it before.
export type * from '../contracts/realtime.ts';
