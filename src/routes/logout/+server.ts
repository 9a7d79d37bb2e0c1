import { redirectTo } from '$lib/server/http/dutch-path';

export const fallback = redirectTo('/uitloggen');
