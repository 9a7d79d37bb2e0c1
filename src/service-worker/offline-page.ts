// The answer to a page that has no offline copy while the network is gone: one Dutch sentence and
// the boards this user can still read offline.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function label(path: string): string {
	if (path === '/bluswater') return 'Bluswaterbord';
	return path.endsWith('/logboek') ? 'Logboek van een incident' : 'Takenbord van een incident';
}

export function offlinePage(copies: { path: string; savedAt: string | null }[]): Response {
	const list = copies.length
		? `<p>Deze borden heb je eerder geopend; hun laatste stand is offline te lezen:</p><ul>${copies
				.map((c) => `<li><a href="${escape(c.path)}">${label(c.path)}</a>${c.savedAt ? ` (opgehaald ${escape(c.savedAt)})` : ''}</li>`)
				.join('')}</ul>`
		: '<p>Er zijn op dit apparaat nog geen borden voor offline gebruik bewaard.</p>';
	const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Geen verbinding — Paraat</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a}header{background:#154273;color:#fff;padding:.75rem 1.5rem;font-weight:800;font-size:1.5rem}main{padding:1.5rem;max-width:48rem}a{color:#0b4f8a}</style></head>
<body><header>Paraat</header><main><h1>Geen verbinding</h1><p>Deze pagina is niet offline beschikbaar. Paraat probeert het opnieuw zodra je verbinding hebt; laad de pagina dan opnieuw.</p>${list}</main></body></html>`;
	return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
