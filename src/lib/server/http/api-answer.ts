// Every answer under /api/ leaves in the API's own shape: the API-Version header, and errors as
// problem details even when the framework answered (an unknown method, a body over the size
// limit, an error thrown outside apiCall). Those framework texts are English; the detail is
// replaced by a Dutch one for the status.
import { API_VERSION, PROBLEM_CONTENT_TYPE, codeForStatus, defaultDetail, problemResponse } from './problem';

export function finishApiAnswer(response: Response): Response {
	let answer = response;
	const type = response.headers.get('content-type') ?? '';
	if (response.status >= 400 && !type.startsWith(PROBLEM_CONTENT_TYPE)) {
		const extra = response.status === 503 || response.status === 429 ? { retryAfter: Number(response.headers.get('retry-after') ?? 30) || 30 } : undefined;
		answer = problemResponse({ status: response.status, code: codeForStatus(response.status), detail: defaultDetail(response.status), extra });
		for (const [name, value] of response.headers) {
			if (name === 'set-cookie' || name === 'allow') answer.headers.append(name, value);
		}
	}
	answer.headers.set('API-Version', API_VERSION);
	return answer;
}
