// Advice on event applications: routing by class, terms and due dates, and the vocabulary.
export * from './vocabulary.ts';
export * from './routing.ts';
export * from './terms.ts';
export { risicoscanInputOf, type ApplicationScanColumns } from './application-input.ts';
export * from './record.ts';
export * from './reroute.ts';
export type { AdvicePanelData } from './panel.ts';
