import { expect, type Page } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, type LoginRequest, type SessionUser } from '@blup/contracts';

/**
 * Signs in through the sign-in form (in Danish, the default) and waits for the home page.
 * Resolves with the person the API signed in, as its answer to the form said.
 */
export async function signInWithPassword(page: Page, account: LoginRequest): Promise<SessionUser> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail', { exact: true }).fill(account.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(account.password);
  const answer = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/auth/login') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  const response = await answer;
  expect(response.status(), 'POST /api/auth/login').toBe(200);
  const user = (await response.json()) as SessionUser;
  await expect(
    page.getByRole('heading', { level: 1, name: `Velkommen, ${user.name}` }),
  ).toBeVisible();
  return user;
}

/** The main menu: always open on a wide screen, behind the menu button on a phone. */
export async function openMenu(page: Page): Promise<void> {
  const menuButton = page.getByTestId('menu-button');
  const signOut = page.getByTestId('sign-out');
  if (!(await signOut.isVisible()) && (await menuButton.isVisible())) await menuButton.click();
  await expect(signOut).toBeVisible();
}

/** Signs out from the menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
}

/**
 * Signs the page's browser context in through the API (it shares the context's cookies), for
 * tests about something other than signing in. Resolves with the person signed in.
 */
export async function signInThroughApi(page: Page, account: LoginRequest): Promise<SessionUser> {
  const csrf = await page.request.get('/api/auth/csrf');
  expect(csrf.ok(), 'GET /api/auth/csrf').toBe(true);
  const { cookies } = await page.context().storageState();
  const token = cookies.find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '';
  const response = await page.request.post('/api/auth/login', {
    headers: { [CSRF_HEADER]: decodeURIComponent(token) },
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), 'POST /api/auth/login').toBe(200);
  return (await response.json()) as SessionUser;
}
