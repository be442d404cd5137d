import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  testDir: './tests',
  // Spec files are spread over two workers (one per core), each with its own server and port
  // (fixtures/app.ts); the tests within a file stay in order, as they share that file's server.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join(root, 'test-results'),
  reporter: [['list'], ['json', { outputFile: path.join(root, '.test-output/playwright.json') }]],
  // No webServer: every spec file gets a demo server of its own (fixtures/serverPerFile.ts), from
  // the server build brought up to date here.
  globalSetup: './fixtures/globalSetup.ts',
  use: {
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
