export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index]!;
}

export interface Summary {
	delivered: number;
	expected: number;
	p50: number;
	p95: number;
	p99: number;
}

export function summarise(latencies: number[], expected: number): Summary {
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		delivered: latencies.length,
		expected,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99)
	};
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
