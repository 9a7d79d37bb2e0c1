// Tasks to write to without version conflicts: a queue of idle tasks with the version each has now.
// A write takes the first idle task and puts it back with its new version when answered, so open-loop
// writes never race each other on one task (a 409 would be the benchmark's fault, not the app's).
import { postJson } from './app.ts';

const PROCESSES = ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'];

export class TaskPool {
	private readonly idle: { id: string; version: number }[] = [];
	/** Writes that found no idle task (the app answered slower than the pool could cover). */
	starved = 0;

	private readonly base: string;
	private readonly cookie: string;

	private constructor(base: string, cookie: string) {
		this.base = base;
		this.cookie = cookie;
	}

	static async create(base: string, cookie: string, incidentId: string, size: number): Promise<TaskPool> {
		const pool = new TaskPool(base, cookie);
		let next = 0;
		const worker = async () => {
			while (next < size) {
				const i = next++;
				const task = (await postJson(base, `/api/v1/incidents/${incidentId}/tasks`, cookie, {
					process: PROCESSES[i % PROCESSES.length],
					title: `Taak ${i + 1}`,
					description: 'Benchmarktaak'
				})) as { id: string; version: number };
				pool.idle.push({ id: task.id, version: task.version });
			}
		};
		await Promise.all(Array.from({ length: 4 }, worker));
		return pool;
	}

	/** Writes change i (its marker in the title) to an idle task. */
	async write(i: number, extra: Record<string, unknown> = {}): Promise<void> {
		const task = this.idle.shift();
		if (!task) {
			this.starved++;
			throw new Error('geen vrije taak');
		}
		try {
			const updated = (await postJson(this.base, `/api/v1/tasks/${task.id}`, this.cookie, { version: task.version, title: `bench ${i}`, ...extra }, 'PATCH')) as {
				version: number;
			};
			task.version = updated.version;
		} finally {
			this.idle.push(task);
		}
	}
}
