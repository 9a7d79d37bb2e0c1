// A real SMTP server on localhost (the npm package smtp-server) that parses what it receives with
// mailparser, so tests read the mails Paraat sent as a mail client would. It can refuse the first
// messages with a temporary error (451), to prove the outbox tries again.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { testPort } from './test-ports.ts';

export interface TestMailServer {
	port: number;
	url: string;
	received: ParsedMail[];
	/** How many mails arrived (also in `countOnly` mode, where nothing is parsed). */
	count: number;
	/** Refuses the next `n` messages with 451. */
	failNext(n: number): void;
	refused: number;
	close(): Promise<void>;
}

/** `countOnly`: a benchmark's receiver that takes each mail without parsing it (no CPU taken from the app). */
export async function startMailServer(options: { port?: number; failFirst?: number; countOnly?: boolean } = {}): Promise<TestMailServer> {
	let failing = options.failFirst ?? 0;
	const state = { received: [] as ParsedMail[], refused: 0, count: 0 };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			if (options.countOnly) {
				stream.on('end', () => {
					state.count++;
					callback();
				});
				stream.resume();
				return;
			}
			const refuse = failing > 0;
			if (refuse) failing--;
			simpleParser(stream).then(
				(mail) => {
					if (refuse) {
						state.refused++;
						const err = Object.assign(new Error('Tijdelijk niet beschikbaar, probeer het later'), { responseCode: 451 });
						callback(err);
						return;
					}
					state.received.push(mail);
					state.count++;
					callback();
				},
				(err: Error) => callback(err)
			);
		}
	});
	const port = options.port ?? (await testPort());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		get received() {
			return state.received;
		},
		get count() {
			return state.count;
		},
		get refused() {
			return state.refused;
		},
		failNext(n) {
			failing = n;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
