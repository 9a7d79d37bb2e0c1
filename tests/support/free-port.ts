// A TCP port the system just handed out as free on 127.0.0.1. Picking a random port collided with
// other PostgreSQL servers on a shared machine (other test runs, a developer's own Paraat).
import net from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}
