// StartupError lives in ../startup-error.ts, below the database module that throws it too; this
// path stays for the tests that have always imported it from here.
export { StartupError } from '../startup-error.ts';
