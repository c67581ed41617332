import { test as base } from '@playwright/test';
import type { LoginRequest } from '@blup/contracts';
import { ApiClient } from './api';
import { type DemoAccounts, loadDemoAccounts } from './demo';
import { MailReader } from './mail';
import { type Stack, stack } from './stack';

/** Opens API clients for a test and disposes of them when it ends. */
export interface ApiClients {
  /** Signed in as `account` (a demo account, or someone the test created). */
  as(account: LoginRequest): Promise<ApiClient>;
  /** No session, just the CSRF cookie: for what anyone may do (accept an invitation). */
  anonymous(): Promise<ApiClient>;
}

interface TestFixtures {
  api: ApiClients;
}

interface WorkerFixtures {
  stack: Stack;
  demo: DemoAccounts;
  mail: MailReader;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function uses from this pattern
    async ({}, use) => {
      await use(stack());
    },
    { scope: 'worker' },
  ],
  demo: [
    async ({ stack }, use) => {
      await use(await loadDemoAccounts(stack.baseUrl));
    },
    { scope: 'worker' },
  ],
  mail: [
    async ({ stack }, use) => {
      await use(new MailReader(stack.mailUrl, stack.baseUrl));
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.baseUrl);
  },
  api: async ({ stack }, use) => {
    const opened: ApiClient[] = [];
    const keep = (client: ApiClient): ApiClient => (opened.push(client), client);
    await use({
      as: async (account) => keep(await ApiClient.signedIn(stack.baseUrl, account)),
      anonymous: async () => keep(await ApiClient.anonymous(stack.baseUrl)),
    });
    await Promise.all(opened.map((client) => client.dispose()));
  },
});

export { expect } from '@playwright/test';
