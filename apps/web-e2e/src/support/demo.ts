import { type DemoSignIn, Role } from '@blup/contracts';

/** The demo accounts the API seeded, by role: the first sign-in it offers for each role. */
export type DemoAccounts = Readonly<Record<Role, DemoSignIn>>;

/** Reads `GET /api/demo/sign-ins` and checks that every role has an account. */
export async function loadDemoAccounts(baseUrl: string): Promise<DemoAccounts> {
  const response = await fetch(`${baseUrl}/api/demo/sign-ins`);
  if (!response.ok) throw new Error(`GET /api/demo/sign-ins answered HTTP ${response.status}`);
  const signIns = (await response.json()) as DemoSignIn[];
  const byRole = new Map<Role, DemoSignIn>();
  for (const signIn of signIns) if (!byRole.has(signIn.role)) byRole.set(signIn.role, signIn);
  const missing = Object.values(Role).filter((role) => !byRole.has(role));
  if (missing.length > 0) {
    throw new Error(`The demo data has no sign-in for: ${missing.join(', ')}`);
  }
  return Object.fromEntries(byRole) as Record<Role, DemoSignIn>;
}
