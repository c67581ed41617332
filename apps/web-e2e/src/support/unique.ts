import { randomBytes } from 'node:crypto';

/** A short random suffix, so data one test creates never meets another's (or another run's). */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** A fresh address on the reserved `.test` domain, e.g. `invitee-3f9a0c1e@e2e.blup.test`. */
export function uniqueEmail(label: string): string {
  return `${label}-${uniqueSuffix()}@e2e.blup.test`;
}
