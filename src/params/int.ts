// A positive whole number in a path (a SITRAP number) that fits PostgreSQL `integer`.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) => /^[1-9]\d{0,8}$/.test(param)) satisfies ParamMatcher;
