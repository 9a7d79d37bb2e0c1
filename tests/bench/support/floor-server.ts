// The floor: a bare socket.io broadcast server without database. POST /emit broadcasts the body.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => {
	if (req.method !== 'POST' || req.url !== '/emit') {
		res.writeHead(404).end();
		return;
	}
	let body = '';
	req.on('data', (chunk) => (body += chunk));
	req.on('end', () => {
		io.to('region').emit('event', JSON.parse(body));
		res.writeHead(201, { 'content-type': 'application/json' }).end(body);
	});
});
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
	socket.on('subscribe', async (request: { topic: string }, ack: (r: unknown) => void) => {
		await socket.join(request.topic);
		ack({ ok: true, seq: 0, missed: [] });
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
