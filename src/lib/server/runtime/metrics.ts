// The metrics live in metrics/metrics.ts, below the realtime layer that counts into them; this
// path stays for the server hooks, which have always imported it from here.
export * from '../metrics/metrics.ts';
