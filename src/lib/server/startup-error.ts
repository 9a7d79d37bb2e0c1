// A start that cannot go on for a reason the person starting Paraat can fix. Its message is one
// Dutch sentence that says what to do; the launcher (launch.cjs) prints only that sentence, as the
// last line of output, and exits 1. Framework-free.
export class StartupError extends Error {
	/** Read by launch.cjs, which cannot import this class (it is plain CommonJS). */
	readonly startupSentence: string;
	constructor(sentence: string, options?: { cause?: unknown }) {
		super(sentence, options);
		this.name = 'StartupError';
		this.startupSentence = sentence;
	}
}
