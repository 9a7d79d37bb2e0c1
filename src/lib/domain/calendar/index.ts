// The regional evenementenkalender's rules: local days, day load and druk, samenlopend, references.
export * from './days.ts';
export * from './load.ts';
export * from './samenlopend.ts';
export * from './reference.ts';
export * from './format.ts';
export * from './view.ts';
