/** Only same-site paths: never redirect to another host after login (a browser reads "//x" and "/\x" as hosts). */
export function safeTarget(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
