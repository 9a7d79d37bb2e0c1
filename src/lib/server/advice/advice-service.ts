// Advice on event applications: the officer asks (one action creates the requests the class
// needs), the advisers answer, the officer may withdraw a request. Each change is one transaction
// that locks what it changes, audits, and publishes on `advice:<applicationId>` and the inbox
// topics of the disciplines concerned. This is the service's face; the work lives in one file per
// concern (reading, the adviser's view, asking, answering and withdrawing).
export type { AdviceCtx } from './advice-context';
export { adviceDueSoon, adviceInbox, adviceOfApplication, adviceRequestDetail } from './advice-reads';
export { applicationForAdviser, routingOf, scanSummary, type AdviceRequestDetail, type ApplicationForAdviser, type ScanSummary } from './advice-adviser-view';
export { ADVICE_FROM_STATUSES, recordAdviceRequests, requestAdvice } from './advice-requests';
export { AdviceConflictError, answerAdvice, withdrawAdvice } from './advice-answers';
export { isApplicationOfficer } from '../advice-access/advice-access';
