import { DOCUMENT, Injectable, InjectionToken, PendingTasks, inject, signal } from '@angular/core';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@blup/contracts';
import {
  type Dictionary,
  flatten,
  interpolate,
  type TextSectionName,
  type TextSectionTables,
  type TranslationKey,
  type TranslationParams,
} from './dictionary';

/** A language's texts, or a loader that fetches them when the language is first used. */
export type DictionarySource = Partial<Dictionary> | (() => Promise<Partial<Dictionary>>);

/**
 * The texts per language, each in a chunk of its own: Danish (the default and the fallback) is
 * fetched while the app asks for the session, English only when someone uses it. A token so
 * tests can hand in small or incomplete dictionaries.
 */
export const DICTIONARIES = new InjectionToken<Readonly<Record<Locale, DictionarySource>>>(
  'DICTIONARIES',
  {
    providedIn: 'root',
    factory: () => ({
      da: () => import('./da').then((m) => m.da),
      en: () => import('./en').then((m) => m.en),
    }),
  },
);

/** Where the chosen language is remembered in the browser. */
export const LOCALE_STORAGE_KEY = 'blup.locale';

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/**
 * The language of the interface: Danish by default, English on request.
 * The choice lives in `locale`, is remembered in localStorage and mirrored on `<html lang>`.
 * (AuthStore saves it on the person's profile while they are signed in.)
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly tables: Record<Locale, Map<string, string>> = { da: new Map(), en: new Map() };
  /** Languages whose texts are still to be fetched, and the fetches under way. */
  private readonly loaders = new Map<Locale, () => Promise<Partial<Dictionary>>>();
  private readonly loading = new Map<Locale, Promise<void>>();
  private readonly state = signal<Locale>(DEFAULT_LOCALE);
  /** Bumped when a section is added, so `computed` texts pick up the new texts. */
  private readonly revision = signal(0);
  private readonly sections = new Set<TextSectionName>();

  /** The current language. Reading it inside a template or `computed` makes that reactive. */
  readonly locale = this.state.asReadonly();

  constructor() {
    const dictionaries = inject(DICTIONARIES);
    for (const locale of LOCALES) {
      const source = dictionaries[locale];
      if (typeof source === 'function') this.loaders.set(locale, source);
      else this.merge(locale, source);
    }
    this.load(DEFAULT_LOCALE);
    const stored = this.read();
    this.apply(isLocale(stored) ? stored : DEFAULT_LOCALE);
  }

  /** Switches the language and remembers it on this device. */
  setLocale(locale: Locale): void {
    if (!isLocale(locale)) return;
    this.apply(locale);
    this.write(locale);
  }

  /** Resolves once the texts of the current language and of the Danish fallback are loaded. */
  async ready(): Promise<void> {
    await this.loading.get(DEFAULT_LOCALE);
    await this.loading.get(this.state());
  }

  /** Whether a lazy section's texts are in the tables yet. */
  hasSection(name: TextSectionName): boolean {
    return this.sections.has(name);
  }

  /**
   * Adds a section's texts (loaded with its feature routes) under `name.` in both languages.
   * Registering the same section again replaces its texts.
   */
  registerSection<N extends TextSectionName>(name: N, tables: TextSectionTables<N>): void {
    for (const locale of LOCALES) {
      for (const [key, text] of flatten(tables[locale], `${name}.`)) {
        this.tables[locale].set(key, text);
      }
    }
    this.sections.add(name);
    this.revision.update((n) => n + 1);
  }

  /** The text for `key` in the current language, else in Danish, else the key itself. */
  t(key: TranslationKey, params?: TranslationParams): string {
    this.revision();
    const locale = this.state();
    const own = this.tables[locale].get(key);
    const text = own ?? this.tables[DEFAULT_LOCALE].get(key) ?? key;
    return interpolate(text, params, own === undefined ? DEFAULT_LOCALE : locale);
  }

  /**
   * The text for a key that is only known at run time (e.g. built from an API error code), in
   * the current language only; null when that language has no such text.
   */
  lookup(key: string, params?: TranslationParams): string | null {
    this.revision();
    const text = this.tables[this.state()].get(key);
    return text === undefined ? null : interpolate(text, params, this.state());
  }

  /** A date (ISO string) written the way the current language writes dates. */
  formatDate(iso: string): string {
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.state() === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'long',
    }).format(date);
  }

  private apply(locale: Locale): void {
    this.state.set(locale);
    this.document.documentElement.lang = locale;
    this.load(locale);
  }

  /**
   * Fetches a language's texts on first use. Until they arrive its texts fall back to Danish;
   * the app counts as busy meanwhile (PendingTasks), so it does not report itself stable early.
   */
  private load(locale: Locale): void {
    const loader = this.loaders.get(locale);
    if (!loader || this.loading.has(locale)) return;
    const settled = this.pendingTasks.add();
    const done = loader()
      .then((dictionary) => {
        this.merge(locale, dictionary);
        this.loaders.delete(locale);
        this.revision.update((n) => n + 1);
      })
      .catch(() => undefined) // offline: stay on the Danish fallback; a later switch retries
      .finally(() => {
        this.loading.delete(locale);
        settled();
      });
    this.loading.set(locale, done);
  }

  /** Adds a language's base texts under any section texts already registered. */
  private merge(locale: Locale, dictionary: Partial<Dictionary>): void {
    for (const [key, text] of flatten(dictionary)) {
      if (!this.tables[locale].has(key)) this.tables[locale].set(key, text);
    }
  }

  private read(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      return null; // storage can be blocked (private mode, strict settings)
    }
  }

  private write(locale: Locale): void {
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered on this device; the session still uses it.
    }
  }
}
