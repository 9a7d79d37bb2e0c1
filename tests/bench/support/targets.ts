// The targets, checked on one run's figures and printed as PASS/FAIL; never a timed test.
export interface Target {
	name: string;
	pass: boolean;
	detail: string;
}

export function printTargets(targets: Target[]): boolean {
	console.log('\nDoelen (#19):');
	for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(58)} ${t.detail}`);
	return targets.every((t) => t.pass);
}
