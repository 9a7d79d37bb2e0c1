// The advice SQL lives in advice-access/advice-queries.ts, below both the advice and the events
// capability; this path stays for the callers that have always imported it from here.
export * from '../advice-access/advice-queries.ts';
