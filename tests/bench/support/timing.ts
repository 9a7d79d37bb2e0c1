// Runs a step `times` times after two warm-up runs; returns the durations in ms, sorted.
export async function timed(times: number, run: () => Promise<unknown>): Promise<number[]> {
	for (let i = 0; i < 2; i++) await run();
	const out: number[] = [];
	for (let i = 0; i < times; i++) {
		const t0 = performance.now();
		await run();
		out.push(performance.now() - t0);
	}
	return out.sort((a, b) => a - b);
}
