// Reads a backup file as it streams out of gunzip: lines for the markers, raw bytes for a table's
// rows (handed to COPY … FROM STDIN unparsed), never more than a chunk or a line in memory.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BackupError } from './backup-format.ts';

const NEWLINE = 0x0a;
/** `\n\.\n`: the end of a table's rows when it follows a row. */
const END_AFTER_ROW = Buffer.from('\n\\.\n');
/** `\.\n` at the very start of a table's rows: a table without rows. */
const END_AT_START = Buffer.from('\\.\n');

export function damaged(err: unknown): BackupError {
	const detail = err instanceof Error ? err.message : String(err);
	return new BackupError(`Het back-upbestand is beschadigd of onvolledig (${detail}): er is niets hersteld.`, { cause: err });
}

/** zlib's errors (bad data, checksum, cut-off file) mean a damaged file, not a fault of Paraat. */
function isZlibError(err: unknown): boolean {
	return typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('Z_');
}

/** Opens `file` as a decompressed stream, after checking it is gzip at all (a foreign file says so). */
export async function openBackupFile(file: string): Promise<Readable> {
	let handle;
	try {
		handle = await open(file, 'r');
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new BackupError(`Het back-upbestand ${file} bestaat niet.`);
		if (code === 'EISDIR') throw new BackupError(`${file} is een map, geen back-upbestand.`);
		throw new BackupError(`Het back-upbestand ${file} is niet te lezen (${code ?? String(err)}).`);
	}
	try {
		const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
		if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) {
			throw new BackupError(`${file} is geen back-up van Paraat (geen gzip-bestand): kies een bestand dat npm run db:backup maakte.`);
		}
	} finally {
		await handle.close();
	}
	return pipeline(createReadStream(file), createGunzip(), () => {});
}

export class BackupReader {
	readonly #source: AsyncIterator<Buffer>;
	#buffer: Buffer = Buffer.alloc(0);
	#ended = false;

	constructor(source: Readable) {
		this.#source = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
	}

	/** Pulls the next chunk into the buffer; false at the end of the file. */
	async #pull(): Promise<boolean> {
		if (this.#ended) return false;
		let next: IteratorResult<Buffer>;
		try {
			next = await this.#source.next();
		} catch (err) {
			throw isZlibError(err) ? damaged(err) : err;
		}
		if (next.done) {
			this.#ended = true;
			return false;
		}
		this.#buffer = this.#buffer.length === 0 ? next.value : Buffer.concat([this.#buffer, next.value]);
		return true;
	}

	/** The next line without its newline; a line longer than `max` bytes means this is not our file. */
	async readLine(max: number, what: string): Promise<string> {
		for (;;) {
			const end = this.#buffer.indexOf(NEWLINE);
			if (end !== -1 && end <= max) {
				const line = this.#buffer.subarray(0, end).toString('utf8');
				this.#buffer = this.#buffer.subarray(end + 1);
				return line;
			}
			if (end > max || this.#buffer.length > max) throw damaged(new Error(`${what}: regel te lang`));
			if (!(await this.#pull())) throw damaged(new Error(`${what}: bestand houdt op`));
		}
	}

	/** The raw rows of one table, up to (not including) its end marker, as chunks for COPY FROM. */
	async *rows(): AsyncGenerator<Buffer> {
		while (this.#buffer.length < END_AT_START.length) {
			if (!(await this.#pull())) throw damaged(new Error('bestand houdt op midden in een tabel'));
		}
		if (this.#buffer.subarray(0, END_AT_START.length).equals(END_AT_START)) {
			this.#buffer = this.#buffer.subarray(END_AT_START.length);
			return;
		}
		for (;;) {
			const end = this.#buffer.indexOf(END_AFTER_ROW);
			if (end !== -1) {
				const rows = this.#buffer.subarray(0, end + 1);
				this.#buffer = this.#buffer.subarray(end + END_AFTER_ROW.length);
				yield rows;
				return;
			}
			// Keep the tail that could be the start of a marker split across two chunks.
			const keep = END_AFTER_ROW.length - 1;
			if (this.#buffer.length > keep) {
				const rows = this.#buffer.subarray(0, this.#buffer.length - keep);
				this.#buffer = this.#buffer.subarray(this.#buffer.length - keep);
				yield rows;
			}
			if (!(await this.#pull())) throw damaged(new Error('bestand houdt op midden in een tabel'));
		}
	}

	/** Reads to the end of the file (so that gzip checks its checksum) and expects nothing left. */
	async expectEnd(): Promise<void> {
		while (await this.#pull()) {
			if (this.#buffer.length > 0) break;
		}
		if (this.#buffer.length > 0) throw damaged(new Error('gegevens na het einde van de back-up'));
	}
}
