// Whether Paraat's HTTP port is free, asked before anything else starts (the embedded PostgreSQL
// takes seconds, and a second `npm start` should say at once that one already runs).
import net from 'node:net';
import { StartupError } from '../startup-error.ts';

export function assertPortFree(port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', (err: NodeJS.ErrnoException) => {
			if (err.code === 'EADDRINUSE') {
				reject(new StartupError(`Poort ${port} is al in gebruik (draait Paraat al?): stop dat programma, of start op een andere poort, bijvoorbeeld met PORT=${port + 1} npm start.`));
			} else if (err.code === 'EACCES') {
				reject(new StartupError(`Poort ${port} mag dit account niet openen: kies met PORT een poort boven 1024.`));
			} else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
				reject(new StartupError(`Het adres ${host} (HOST) hoort niet bij deze machine: laat HOST weg of kies 0.0.0.0, 127.0.0.1 of een eigen adres.`));
			} else {
				reject(err);
			}
		});
		probe.listen(port, host, () => probe.close(() => resolve()));
	});
}
