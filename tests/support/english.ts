// Words that give away an English (untranslated) validation or framework message. Paraat's
// messages are Dutch; field names are quoted by the messages only as JSON paths, never these.
const ENGLISH = /\b(expected|received|invalid|required|must|should|input|string|number|boolean|array|undefined|too (?:big|small)|characters?|unrecognized|option|malformed|not found|method not allowed|bad request|internal error|unknown error)\b/i;

/** The English words in a message, or null when it reads as Dutch. */
export function englishIn(message: string): string | null {
	return ENGLISH.exec(message)?.[0] ?? null;
}
