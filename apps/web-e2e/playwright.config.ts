import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { OUTPUT_DIR } from './src/support/stack';

const CI = Boolean(process.env['CI']);

/**
 * Browser tests against the built app (run `npx nx run-many -t build -p api web` first).
 * The global setup starts a private stack per run (database, Redis prefix, mail catcher, API)
 * and its teardown removes it again; see src/support/global-setup.ts.
 *
 * Two sizes: `desktop` runs every test except those tagged @phone; `phone` runs the tests
 * tagged @phone (phone only) or @anysize (both sizes).
 */
export default defineConfig({
  testDir: 'src',
  testMatch: '**/*.spec.ts',
  outputDir: join(OUTPUT_DIR, 'test-output'),
  globalSetup: './src/support/global-setup.ts',
  fullyParallel: false,
  workers: 1, // the machine has two cores, and the API and Chromium share them
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: join(OUTPUT_DIR, 'report'), open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      grepInvert: /@phone\b/,
      use: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    },
    {
      name: 'phone',
      grep: /@phone\b|@anysize\b/,
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
