// Runs inside a worker thread of the extraction pool (./index.ts). A plain .mjs file on disk because
// `next start` serves a Turbopack bundle that has no file a worker could load; tsx (a dependency)
// compiles lib/claims on first use, as it does for the tests and the `claims` command. tsImport
// scopes that to this import, so it also works where tsx is already registered (node:test runs).
import { tsImport } from 'tsx/esm/api';

const { extractClaims } = await tsImport('../claims/extract.ts', import.meta.url);

/** @param {{ text: string, options?: { all?: boolean }, json?: boolean }} job */
export default function extract({ text, options, json }) {
  const extraction = extractClaims(text, options);
  return json ? JSON.stringify(extraction) : extraction;
}
