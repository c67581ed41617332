import { join } from 'node:path';

/** Where this project's reports, traces and logs go: git-ignored, beside the builds. */
export const OUTPUT_DIR = join(__dirname, '../../../../dist/.playwright/apps/web-e2e');

/** The environment variables through which the global setup tells the tests where things are. */
export const STACK_ENV = {
  /** The API, which serves the web app on the same origin. */
  baseUrl: 'E2E_BASE_URL',
  /** The mail catcher's web side: `GET /messages?to=address` answers JSON, newest first. */
  mailUrl: 'E2E_MAIL_URL',
} as const;

export interface Stack {
  baseUrl: string;
  mailUrl: string;
}

/** The stack the global setup started. Fails clearly when the tests run without it. */
export function stack(): Stack {
  const baseUrl = process.env[STACK_ENV.baseUrl];
  const mailUrl = process.env[STACK_ENV.mailUrl];
  if (!baseUrl || !mailUrl) {
    throw new Error(
      `${STACK_ENV.baseUrl} and ${STACK_ENV.mailUrl} are not set: run the tests with ` +
        '`npx playwright test -c apps/web-e2e/playwright.config.ts`, whose global setup starts the stack.',
    );
  }
  return { baseUrl, mailUrl };
}
