// Who may see and answer advice lives in advice-access/advice-access.ts, below both the advice
// and the events capability (an application's own transaction closes and re-routes its advice).
// This path stays for the event routes that have always imported it from here.
export * from '../advice-access/advice-access.ts';
