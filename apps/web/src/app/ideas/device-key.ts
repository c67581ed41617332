const KEY = 'blup.ideaDevice';

/**
 * The random key this phone keeps, so the same phone can see and change its dots later. The
 * server only ever stores an HMAC of it with the list's id, so lists cannot be linked.
 */
export function deviceKey(storage: Storage | null = safeStorage()): string {
  const kept = storage?.getItem(KEY);
  if (kept && /^[A-Za-z0-9_-]{16,100}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  storage?.setItem(KEY, key);
  return key;
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
