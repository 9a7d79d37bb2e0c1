// A small Dutch error page for refusals answered before a SvelteKit page can render (a
// malformed address, an unreadable form). Framework-free, so the HTTP wrapper can use it too.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainErrorPage(status: number, message: string): string {
	return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fout ${status} · Paraat</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem;">
<main><h1>Dit verzoek kon niet worden verwerkt</h1><p>${escape(message)}</p><p><a href="/">Naar de startpagina van Paraat</a></p></main>
</body>
</html>`;
}

export function plainErrorResponse(status: number, message: string): Response {
	return new Response(plainErrorPage(status, message), {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-language': 'nl', 'cache-control': 'no-store' }
	});
}
