/** An absolute https:// address with a host (room links, agreement links). */
export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && value.startsWith('https://');
  } catch {
    return false;
  }
}
