/** Only same-site paths: never redirect to another host after login. */
export function safeTarget(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
