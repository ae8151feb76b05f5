import { defineConfig } from '@playwright/test';

// The backend serves the built frontend and the API on one origin; the Java test harness starts
// it and passes its address. There is no default: testing the wrong server would prove nothing.
const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error(
    'BASE_URL is required: the address where the backend serves the built frontend and /api, ' +
      'e.g. BASE_URL=http://localhost:8080 npm run test:e2e',
  );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../test-results',
  // One browser at a time: the machines have two shared cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['./support/closingLineReporter.ts']],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    trace: 'off',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    // Debian's Chromium: never a downloaded browser.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
