// Ports for the notification tests' own servers (SMTP, push endpoint): a free one in the range
// this project's mail tests were given (6100–6189, PARAAT_TEST_PORTS="from-to" moves it), so they
// never collide with another helper's servers on a shared machine.
import net from 'node:net';

const [FROM, TO] = (process.env.PARAAT_TEST_PORTS ?? '6100-6189').split('-').map(Number) as [number, number];
let next = FROM + Math.floor(Math.random() * (TO - FROM + 1));

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

export async function testPort(): Promise<number> {
	for (let i = 0; i <= TO - FROM; i++) {
		const port = next;
		next = next >= TO ? FROM : next + 1;
		if (await isFree(port)) return port;
	}
	throw new Error(`Geen vrije poort tussen ${FROM} en ${TO}.`);
}
