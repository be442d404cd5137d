// Prints `N passed, N failed` over every suite of a test run. A step that failed without
// reporting tests (lint, typecheck, a crashed runner) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.test-output';
const read = (file) => {
  const full = path.join(dir, file);
  return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = read('playwright.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}
const stepsFile = path.join(dir, 'failed-steps.txt');
const failedSteps = existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean) : [];
for (const step of failedSteps) {
  const reported =
    (step.startsWith('unit') && vitest?.numFailedTests > 0) ||
    (step.startsWith('e2e') && playwright?.stats?.unexpected > 0);
  if (!reported) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
