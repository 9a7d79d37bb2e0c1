// Dates of the procedure as Dutch readers expect them: "15 juni 2026". Pure.
export function formatLocalDate(date: string | null | undefined): string {
	if (!date) return '—';
	return new Date(`${date}T12:00:00Z`).toLocaleDateString('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}
