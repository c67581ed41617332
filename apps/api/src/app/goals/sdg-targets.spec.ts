import { SDG_COUNT, SDG_TARGET_COUNT } from '@blup/contracts';
import catalogue from '../database/migrations/sdg-targets.json';

/** The seed file of the UN's targets that migration 1763980000000 loads. */
describe('sdg-targets.json', () => {
  const { targets } = catalogue;

  it('holds the 169 targets, each code once, under the SDG its code names', () => {
    expect(targets).toHaveLength(SDG_TARGET_COUNT);
    expect(catalogue.count).toBe(SDG_TARGET_COUNT);
    expect(new Set(targets.map((t) => t.code)).size).toBe(SDG_TARGET_COUNT);
    for (const t of targets) {
      expect(t.code).toMatch(/^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$/);
      expect(t.code.split('.')[0]).toBe(String(t.sdg));
      expect(t.textEn.trim().length).toBeGreaterThan(20);
    }
  });

  it('has every SDG’s targets numbered 1, 2, … before the lettered ones', () => {
    const perSdg = Array.from({ length: SDG_COUNT }, (_, i) =>
      targets.filter((t) => t.sdg === i + 1),
    );
    // The UN's counts: 7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19.
    expect(perSdg.map((list) => list.length)).toEqual([
      7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19,
    ]);
    for (const list of perSdg) {
      expect(list.map((t) => t.ordering)).toEqual(list.map((_, i) => i + 1));
      const kinds = list.map((t) => (/\.\d+$/.test(t.code) ? 'number' : 'letter'));
      const numbered = kinds.filter((kind) => kind === 'number').length;
      expect(kinds.slice(0, numbered).every((kind) => kind === 'number')).toBe(true);
    }
    expect(targets.find((t) => t.code === '16.10')?.ordering).toBe(10);
  });

  it('names its source', () => {
    expect(catalogue.source.via).toContain('open-sdg/sdg-translations');
    expect(catalogue.source.name).toMatch(/United Nations/);
  });
});
