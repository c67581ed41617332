import { computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { da } from './da';
import { flatten } from './dictionary';
import { en } from './en';
import { DICTIONARIES, I18nService, LOCALE_STORAGE_KEY } from './i18n.service';

describe(I18nService.name, () => {
  function create(providers: unknown[] = []): I18nService {
    TestBed.configureTestingModule({ providers: providers as never[] });
    return TestBed.inject(I18nService);
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('starts in Danish and says so on <html lang>', () => {
    const sut = create();

    expect(sut.locale()).toBe('da');
    expect(sut.t('auth.signIn')).toBe('Log ind');
    expect(document.documentElement.lang).toBe('da');
  });

  it('switches to English, remembers it and updates <html lang>', () => {
    const sut = create();

    sut.setLocale('en');

    expect(sut.t('auth.signIn')).toBe('Sign in');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the language remembered on this device', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');

    expect(create().locale()).toBe('en');
  });

  it('ignores a remembered value that is not a language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon');
    const sut = create();

    sut.setLocale('xx' as never);

    expect(sut.locale()).toBe('da');
  });

  it('makes computed values follow the language', () => {
    const sut = create();
    const label = computed(() => sut.t('nav.home'));
    expect(label()).toBe('Forside');

    sut.setLocale('en');

    expect(label()).toBe('Home');
  });

  it('falls back to Danish, then to the key, when a text is missing', () => {
    const sut = create([
      { provide: DICTIONARIES, useValue: { da: { nav: { home: 'Forside' } }, en: {} } },
    ]);
    sut.setLocale('en');

    expect(sut.t('nav.home')).toBe('Forside');
    expect(sut.t('nav.people')).toBe('nav.people');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const sut = create();

    expect(sut.t('home.title', { name: 'Ane' })).toBe('Velkommen, Ane');
    expect(sut.t('home.title')).toBe('Velkommen, {name}');
  });

  it('looks up a key known only at run time in the current language, and nowhere else', () => {
    const sut = create([
      {
        provide: DICTIONARIES,
        useValue: { da: { errors: { x: 'Hej {name}' } }, en: { errors: {} } },
      },
    ]);

    expect(sut.lookup('errors.x', { name: 'Ane' })).toBe('Hej Ane');
    expect(sut.lookup('errors.nothing')).toBeNull();

    sut.setLocale('en');

    expect(sut.lookup('errors.x')).toBeNull();
  });

  it('writes dates the way each language does', () => {
    const sut = create();
    expect(sut.formatDate('2026-02-01')).toMatch(/1\. februar 2026/);

    sut.setLocale('en');

    expect(sut.formatDate('2026-02-01')).toBe('1 February 2026');
  });

  describe('dictionaries', () => {
    const daKeys = [...flatten(da).keys()].sort();
    const enKeys = [...flatten(en).keys()].sort();

    it('have the same keys in Danish and English', () => {
      expect(enKeys).toEqual(daKeys);
    });

    it('have no empty texts', () => {
      const empty = [...flatten(da), ...flatten(en)].filter(([, text]) => !text.trim());
      expect(empty).toEqual([]);
    });

    it('use the same placeholders in both languages', () => {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      const english = flatten(en);
      const differing = [...flatten(da)].filter(
        ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
      );
      expect(differing).toEqual([]);
    });
  });
});
