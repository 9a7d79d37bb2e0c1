// The API body schemas of this capability are wire contracts: see src/lib/contracts/bibob-input.ts.
// This path stays for the server modules and tests that named it before.
export * from '../../contracts/bibob-input.ts';
