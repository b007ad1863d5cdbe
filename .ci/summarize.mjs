// Prints `N passed, N failed[, N skipped]` over every suite `npm test` ran and exits non-zero when
// anything failed. typecheck and lint count as one check each (their markers are written by
// scripts in package.json); Vitest's counts come from its JSON report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const check of ['typecheck', 'lint']) {
  const marker = join(dir, `${check}.ok`);
  if (existsSync(marker)) passed++;
  else failed++;
}

const report = join(dir, 'vitest.json');
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  skipped += json.numPendingTests + json.numTodoTests;
  if (json.numTotalTests === 0) failed++; // a run that executes no test is a failure
} else {
  failed++; // Vitest never ran (an earlier step failed)
}
if (Number(status) !== 0 && failed === 0) failed++;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
