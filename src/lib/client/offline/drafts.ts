// Drafts of what someone is typing, per user and form, in localStorage: a reload, a crash of the
// tab or a lost connection does not cost the text. Cleared once the text is saved or queued.

const PREFIX = 'paraat:concept:';

export const draftKey = (userId: string, form: string) => `${PREFIX}${userId}:${form}`;

export function readDraft<T extends Record<string, string>>(key: string): Partial<T> | null {
	try {
		const raw = localStorage.getItem(key);
		return raw ? (JSON.parse(raw) as Partial<T>) : null;
	} catch {
		return null;
	}
}

export function writeDraft(key: string, values: Record<string, string>): void {
	try {
		if (Object.values(values).some((v) => v.trim() !== '')) localStorage.setItem(key, JSON.stringify(values));
		else localStorage.removeItem(key);
	} catch {
		// Storage full or refused (private mode): the form still works, only without a draft.
	}
}

export function clearDraft(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// as above
	}
}
