// Browser calls to /api/v1: JSON in and out, errors as { status, message, fields, body }.

export interface ApiFailure {
	status: number;
	message: string;
	fields: { field: string; message: string }[];
	body: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export async function apiRequest<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, error: { status: 0, message: 'Geen verbinding met Paraat. Probeer het opnieuw.', fields: [], body: {} } };
	}
	const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (response.ok) return { ok: true, data: data as T };
	const error = (data.error ?? {}) as { message?: string; fields?: ApiFailure['fields'] };
	return {
		ok: false,
		error: { status: response.status, message: error.message ?? `Fout ${response.status}`, fields: error.fields ?? [], body: data }
	};
}
