// Whether this device has a network, and since when it has not ("offline sinds 14:32"). The moment
// is kept in sessionStorage, so a board reopened from its offline copy still says since when.
const SINCE_KEY = 'paraat:offline-sinds';

class Network {
	online = $state(true);
	offlineSince = $state<Date | null>(null);
	private started = false;

	start(): void {
		if (this.started || typeof window === 'undefined') return;
		this.started = true;
		this.update(navigator.onLine);
		window.addEventListener('online', () => this.update(true));
		window.addEventListener('offline', () => this.update(false));
	}

	private update(online: boolean): void {
		this.online = online;
		if (online) {
			this.offlineSince = null;
			sessionStorage.removeItem(SINCE_KEY);
			return;
		}
		const stored = Number(sessionStorage.getItem(SINCE_KEY));
		const since = stored > 0 ? new Date(stored) : new Date();
		if (!stored) sessionStorage.setItem(SINCE_KEY, String(since.getTime()));
		this.offlineSince = since;
	}
}

export const network = new Network();

/** "14:32", Dutch time, for the offline notice. */
export const clockTime = (date: Date) => date.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
