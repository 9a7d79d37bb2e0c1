// A real OpenID provider on localhost for the tests: the certified npm package `oidc-provider`,
// with one client registration for Paraat, test accounts with groups, and a plain login form of
// its own (the library's interaction API). `tamper` makes the token endpoint hand out ID tokens
// that are expired or signed with a foreign key, so the tests see Paraat refuse them.
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type CryptoKey } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
	sub: string;
	password: string;
	email: string;
	name: string;
	groups: string[];
	/** What the provider asserts about the authentication (`amr`), e.g. ['pwd', 'mfa']. */
	amr?: string[];
}

export const TEST_CLIENT = { id: 'paraat-test', secret: 'paraat-test-geheim-0123456789abcdef' };

export const TEST_ACCOUNTS: Record<string, TestAccount> = {
	ambtenaar: { sub: 'sub-ambtenaar-1', password: 'wachtwoord-idp', email: 'ambtenaar@haarlem.idp.test', name: 'Anne Ambtenaar', groups: ['paraat-vergunningen-haarlem'] },
	beheer: { sub: 'sub-beheer-2', password: 'wachtwoord-idp', email: 'beheer@vrk.idp.test', name: 'Bram Beheer', groups: ['paraat-beheer', 'iedereen'] },
	onbekend: { sub: 'sub-onbekend-3', password: 'wachtwoord-idp', email: 'onbekend@haarlem.idp.test', name: 'Olga Onbekend', groups: ['kantine'] },
	bibob: { sub: 'sub-bibob-4', password: 'wachtwoord-idp', email: 'bibob@haarlem.idp.test', name: 'Bert Bibob', groups: ['paraat-bibob-haarlem'] },
	bibobMfa: { sub: 'sub-bibob-5', password: 'wachtwoord-idp', email: 'bibob-mfa@haarlem.idp.test', name: 'Berta Bibob', groups: ['paraat-bibob-haarlem'], amr: ['pwd', 'mfa'] }
};

/** The mapping Paraat is configured with for these accounts. */
export const TEST_GROUP_ROLES = {
	'paraat-vergunningen-haarlem': [{ role: 'vergunningverlener', municipality: 'haarlem' }],
	'paraat-beheer': [{ role: 'beheerder' }],
	'paraat-bibob-haarlem': [{ role: 'bibob', municipality: 'haarlem' }, { role: 'waarnemer', municipality: 'haarlem' }]
};

export type Tamper = 'expired' | 'forged' | null;

export interface TestProvider {
	issuer: string;
	accounts: Record<string, TestAccount>;
	/** Make the next token responses carry a bad ID token (null: honest again). */
	tamper(mode: Tamper): void;
	stop(): Promise<void>;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginPage(uid: string, message = ''): string {
	return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-inlogdienst</title></head><body>
<h1>Test-inlogdienst</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>Gebruikersnaam <input name="login" autocomplete="username"></label>
<label>Wachtwoord <input name="password" type="password"></label>
<button type="submit">Aanmelden</button></form></body></html>`;
}

async function resign(idToken: string, key: CryptoKey, kid: string, change: (claims: Record<string, unknown>) => void): Promise<string> {
	const claims = decodeJwt(idToken) as Record<string, unknown>;
	change(claims);
	return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

export async function startTestProvider(options: { port: number; redirectUris: string[]; accounts?: Record<string, TestAccount> }): Promise<TestProvider> {
	const accounts = options.accounts ?? TEST_ACCOUNTS;
	const issuer = `http://localhost:${options.port}`;
	const kid = 'test-sleutel-1';
	const signing = await generateKeyPair('RS256', { extractable: true });
	const foreign = await generateKeyPair('RS256', { extractable: true });
	const jwk = { ...(await exportJWK(signing.privateKey)), kid, alg: 'RS256', use: 'sig' };
	const bySub = new Map(Object.values(accounts).map((a) => [a.sub, a]));
	let tamper: Tamper = null;

	const configuration: Configuration = {
		clients: [
			{
				client_id: TEST_CLIENT.id,
				client_secret: TEST_CLIENT.secret,
				redirect_uris: options.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		jwks: { keys: [jwk] },
		cookies: { keys: ['test-cookie-sleutel-0123456789'] },
		claims: { openid: ['sub', 'groups', 'amr', 'acr'], email: ['email', 'email_verified'], profile: ['name'] },
		// The claims in the ID token itself, as Entra ID and Keycloak send them.
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: false } },
		pkce: { required: () => true },
		async findAccount(_ctx, sub) {
			const account = bySub.get(sub);
			if (!account) return undefined;
			return {
				accountId: sub,
				async claims() {
					return { sub, email: account.email, email_verified: true, name: account.name, groups: account.groups };
				}
			};
		},
		ttl: { Session: 60, Interaction: 600, Grant: 600, AuthorizationCode: 60, IdToken: 300, AccessToken: 300 }
	};
	const provider = new Provider(issuer, configuration);

	// The token endpoint's answer, spoiled on request.
	provider.use(async (ctx, next) => {
		await next();
		if (!tamper || ctx.path !== '/token' || ctx.method !== 'POST') return;
		const body = ctx.body as { id_token?: string } | undefined;
		if (!body?.id_token) return;
		const now = Math.floor(Date.now() / 1000);
		body.id_token =
			tamper === 'expired'
				? await resign(body.id_token, signing.privateKey, kid, (c) => {
						c.iat = now - 7200;
						c.exp = now - 3600;
					})
				: await resign(body.id_token, foreign.privateKey, kid, () => {});
	});

	// The login form: any test account with its password; the grant covers what Paraat asks.
	provider.use(async (ctx: KoaContextWithOIDC, next) => {
		const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
		if (!match) return next();
		const details = await provider.interactionDetails(ctx.req, ctx.res);
		if (ctx.method === 'GET') {
			ctx.type = 'html';
			ctx.body = loginPage(details.uid);
			return;
		}
		const form = await readForm(ctx.req);
		const account = Object.values(accounts).find((a) => a.sub === form.get('login') || a.email === form.get('login'));
		if (!account || account.password !== form.get('password')) {
			ctx.type = 'html';
			ctx.body = loginPage(details.uid, 'Onbekende gebruiker of verkeerd wachtwoord.');
			return;
		}
		const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
		grant.addOIDCScope(String(details.params.scope));
		const grantId = await grant.save();
		ctx.respond = false;
		await provider.interactionFinished(
			ctx.req,
			ctx.res,
			{ login: { accountId: account.sub, amr: account.amr ?? ['pwd'] }, consent: { grantId } },
			{ mergeWithLastSubmission: false }
		);
	});

	const server = http.createServer(provider.callback());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => resolve());
	});
	return {
		issuer,
		accounts,
		tamper(mode) {
			tamper = mode;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/**
 * Walks a browser's way through the provider without a browser: the authorisation URL, the login
 * form, and the redirects, up to the address the provider sends back to Paraat (not followed).
 */
export async function signInAtProvider(authorizationUrl: URL, login: string, password: string, callbackPrefix: string): Promise<URL> {
	const jar = new Map<string, string>();
	const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const remember = (res: Response) => {
		for (const line of res.headers.getSetCookie()) {
			const [pair = ''] = line.split(';');
			const eq = pair.indexOf('=');
			jar.set(pair.slice(0, eq), pair.slice(eq + 1));
		}
	};
	let url = authorizationUrl.href;
	let init: RequestInit = {};
	for (let hop = 0; hop < 10; hop++) {
		const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: cookieHeader() } });
		remember(res);
		const location = res.headers.get('location');
		if (location) {
			const next = new URL(location, url);
			if (next.href.startsWith(callbackPrefix)) return next;
			url = next.href;
			init = {};
			continue;
		}
		const html = await res.text();
		if (!/name="login"/.test(html) || init.method === 'POST') throw new Error(`Onverwacht antwoord van de test-inlogdienst (${res.status}): ${html.slice(0, 300)}`);
		const action = /action="([^"]+)"/.exec(html)?.[1];
		if (!action) throw new Error('Geen inlogformulier gevonden');
		url = new URL(action, url).href;
		init = { method: 'POST', body: new URLSearchParams({ login, password }), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
	}
	throw new Error('Te veel omleidingen bij de test-inlogdienst');
}
