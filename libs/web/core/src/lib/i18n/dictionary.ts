import type { da } from './da';
import type { enrolmentDa } from './sections/enrolment.da';
import type { gatheringsDa } from './sections/gatherings.da';
import type { goalsDa } from './sections/goals.da';
import type { ideasDa } from './sections/ideas.da';
import type { initiativesDa } from './sections/initiatives.da';
import type { libraryDa } from './sections/library.da';
import type { newslettersDa } from './sections/newsletters.da';
import type { panelDa } from './sections/panel.da';
import type { plansDa } from './sections/plans.da';
import type { surveyAdminDa } from './sections/survey-admin.da';
import type { surveyAnswerDa } from './sections/survey-answer.da';
import type { hotlineDa } from './sections/hotline.da';
import type { wheelDa } from './sections/wheel.da';
import type { statementsDa } from './sections/statements.da';
import type { privacyDa } from './sections/privacy.da';

/** The shape every language must fill: the Danish dictionary with each text widened to `string`. */
export type DictionaryOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : DictionaryOf<T[K]>;
};

/** The texts loaded with the app: every screen's shared texts and all error texts. */
export type Dictionary = DictionaryOf<typeof da>;

/**
 * Feature sections loaded with their routes (`loadTextSection`), not with the app.
 * Only their types are imported here, so their texts stay out of the first bundle.
 */
export interface TextSections {
  readonly newsletters: typeof newslettersDa;
  readonly panel: typeof panelDa;
  readonly enrolment: typeof enrolmentDa;
  readonly goals: typeof goalsDa;
  readonly initiatives: typeof initiativesDa;
  readonly ideas: typeof ideasDa;
  readonly plans: typeof plansDa;
  readonly wheel: typeof wheelDa;
  readonly surveyAdmin: typeof surveyAdminDa;
  readonly surveyAnswer: typeof surveyAnswerDa;
  readonly library: typeof libraryDa;
  readonly hotline: typeof hotlineDa;
  readonly gatherings: typeof gatheringsDa;
  readonly statements: typeof statementsDa;
  readonly privacy: typeof privacyDa;
}

export type TextSectionName = keyof TextSections;

type MustBeEmpty<T extends never> = T;
/**
 * Fails to compile when a lazy section is put back into `da`/`en`: that would load its texts
 * with the app again. Sections are added at run time by `loadTextSection` on their routes.
 */
export type EagerSectionsCheck = MustBeEmpty<Extract<keyof typeof da, TextSectionName>>;

/** One section's texts in both languages; English must match the Danish key for key. */
export interface TextSectionTables<N extends TextSectionName> {
  readonly da: TextSections[N];
  readonly en: DictionaryOf<TextSections[N]>;
}

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Every dotted key of the dictionary and of the lazy sections, e.g. `'auth.signIn'`.
 * Templates are checked against it.
 */
export type TranslationKey = Leaves<typeof da & TextSections>;

/** Values that may fill `{name}` placeholders in a text. */
export type TranslationParams = Readonly<Record<string, string | number | null | undefined>>;

/** Flattens a nested dictionary into `dotted.key → text`. */
export function flatten(dictionary: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL_RULES: Readonly<Record<string, Intl.PluralRules>> = {
  da: new Intl.PluralRules('da-DK'),
  en: new Intl.PluralRules('en-GB'),
};

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branch of `one {# deltager} other {# deltagere}` for `count`, with `#` as the number. */
function pluralBranch(branches: string, count: number, locale: string): string | null {
  const chosen = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  while (at < branches.length) {
    selector.lastIndex = at;
    const m = selector.exec(branches);
    if (!m) break;
    const open = selector.lastIndex - 1;
    const close = closingBrace(branches, open);
    if (close < 0) return null;
    chosen.set(m[1], branches.slice(open + 1, close));
    at = close + 1;
  }
  const rules = PLURAL_RULES[locale] ?? PLURAL_RULES['da'];
  const text = chosen.get(`=${count}`) ?? chosen.get(rules.select(count)) ?? chosen.get('other');
  return text === undefined ? null : text.replace(/#/g, String(count));
}

/**
 * Picks the ICU plural branch for each `{count, plural, one {# møde} other {# møder}}` by the
 * language's plural rules (exact `=0` branches first). A block without a numeric value stays
 * visible, like an unknown placeholder.
 */
function pluralize(text: string, params: TranslationParams, locale: string): string {
  const head = /\{(\w+),\s*plural,/g;
  let out = '';
  let done = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const close = closingBrace(text, m.index);
    if (close < 0) break;
    const raw = params[m[1]];
    const count = typeof raw === 'number' ? raw : raw == null || raw === '' ? NaN : Number(raw);
    const branch = Number.isFinite(count)
      ? pluralBranch(text.slice(head.lastIndex, close), count, locale)
      : null;
    out += text.slice(done, m.index) + (branch ?? text.slice(m.index, close + 1));
    done = close + 1;
    head.lastIndex = done;
  }
  return out + text.slice(done);
}

/**
 * Replaces `{name}` with `params.name` and picks ICU plural branches
 * (`{count, plural, one {# deltager} other {# deltagere}}`) by `locale`'s plural rules;
 * unknown placeholders stay visible so they are noticed.
 */
export function interpolate(text: string, params?: TranslationParams, locale = 'da'): string {
  if (!params) return text;
  const counted = /,\s*plural,/.test(text) ? pluralize(text, params, locale) : text;
  return counted.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The names a text fills in: `{name}` placeholders and the arguments of plural blocks. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]);
}
