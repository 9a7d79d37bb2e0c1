// Runs a step `times` times after two warm-up runs (or `warmUps`); returns the durations in ms, sorted.
export async function timed(times: number, run: () => Promise<unknown>, { warmUps = 2 } = {}): Promise<number[]> {
	for (let i = 0; i < warmUps; i++) await run();
	const out: number[] = [];
	for (let i = 0; i < times; i++) {
		const t0 = performance.now();
		await run();
		out.push(performance.now() - t0);
	}
	return out.sort((a, b) => a - b);
}
