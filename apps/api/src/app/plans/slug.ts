const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' };

/**
 * A village's name as an address part: lower case, æ ø å spelt ae oe aa, other accents dropped,
 * everything else a single hyphen. "Glumsø og Omegn" → "glumsoe-og-omegn".
 */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[æøåß]/g, (c) => DANISH[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'landsby';
}
