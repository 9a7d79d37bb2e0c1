// A municipality code of Kennemerland in a path (lower case, as in the region's list).
import type { ParamMatcher } from '@sveltejs/kit';
import { KENNEMERLAND } from '$lib/domain/region';

const CODES = new Set(KENNEMERLAND.map((m) => m.code));

export const match = ((param: string) => CODES.has(param)) satisfies ParamMatcher;
