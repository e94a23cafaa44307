// Prints vitest's result as one plain line, "N passed, N failed, N skipped", from the JSON report that
// vitest.config.ts asks for: a closing line any CI log reader understands.
import { readFileSync } from 'node:fs';

try {
  const r = JSON.parse(readFileSync('coverage/vitest-report.json', 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  process.stdout.write(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped\n`);
} catch (err) {
  process.stdout.write(`no test report (${err instanceof Error ? err.message : String(err)})\n`);
}
