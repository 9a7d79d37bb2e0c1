// Which pages the service worker keeps offline: the task board and logbook of an incident and the
// bluswater board, and nothing else (a Bibob file or an account page never lands in a cache).
import { describe, expect, it } from 'vitest';
import { boardCopyKey, isBoardPath } from '../../src/lib/client/offline/board-paths.ts';
import { readWorkerMessage } from '../../src/lib/client/offline/worker-messages.ts';

const id = '0b6f6f5e-2f1a-4c43-9a43-1d9f2b8c7a10';

describe('isBoardPath', () => {
	it.each([`/crisis/${id}`, `/crisis/${id}/`, `/crisis/${id}/logboek`, `/crisis/${id.toUpperCase()}/logboek`, '/bluswater', '/bluswater/'])('%s is a board', (path) => {
		expect(isBoardPath(path)).toBe(true);
	});

	it.each(['/', '/crisis', `/crisis/${id}/beeld`, `/crisis/${id}/injects`, `/crisis/${id}/logboek/extra`, '/crisis/niet-een-id', '/bibob/1', '/mijn-account/sessies', `/api/v1/incidents/${id}`, '/bluswaterx'])(
		'%s is not',
		(path) => {
			expect(isBoardPath(path)).toBe(false);
		}
	);
});

describe('boardCopyKey', () => {
	it('is the page without its query or a trailing slash', () => {
		expect(boardCopyKey(new URL(`https://paraat.example/crisis/${id}/logboek/?filter=1`))).toBe(`https://paraat.example/crisis/${id}/logboek`);
		expect(boardCopyKey(new URL('https://paraat.example/bluswater'))).toBe('https://paraat.example/bluswater');
	});
});

describe('readWorkerMessage', () => {
	it('accepts only Paraat’s own messages to the service worker', () => {
		expect(readWorkerMessage({ type: 'paraat:owner', userId: 'u1' })).toEqual({ type: 'paraat:owner', userId: 'u1' });
		expect(readWorkerMessage({ type: 'paraat:owner', userId: null })).toEqual({ type: 'paraat:owner', userId: null });
		expect(readWorkerMessage({ type: 'paraat:remember', href: '/bluswater' })).toEqual({ type: 'paraat:remember', href: '/bluswater' });
		for (const other of [null, 'paraat:owner', { type: 'paraat:owner' }, { type: 'paraat:owner', userId: 7 }, { type: 'paraat:remember' }, { type: 'push' }]) {
			expect(readWorkerMessage(other)).toBeNull();
		}
	});
});
