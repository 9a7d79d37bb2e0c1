// "Chrome op Windows (computer)": what the sessions page says about the device of a session, read
// from its User-Agent by bowser (a maintained parser; user agents are too varied for a regex).
import Bowser from 'bowser';

const PLATFORMS: Record<string, string> = { desktop: 'computer', mobile: 'telefoon', tablet: 'tablet', tv: 'tv' };

export function describeDevice(userAgent: string | null): string {
	if (!userAgent) return 'Onbekend apparaat';
	const { browser, os, platform } = Bowser.parse(userAgent);
	const parts = [browser.name, os.name ? `op ${os.name}` : undefined].filter(Boolean);
	if (parts.length === 0) return 'Onbekend apparaat';
	const kind = platform.type ? PLATFORMS[platform.type] : undefined;
	return `${parts.join(' ')}${kind ? ` (${kind})` : ''}`;
}
