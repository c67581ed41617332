import type { da } from './da';
import type { enrolmentDa } from './sections/enrolment.da';
import type { newslettersDa } from './sections/newsletters.da';
import type { panelDa } from './sections/panel.da';

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

/** Replaces `{name}` with `params.name`; unknown placeholders stay visible so they are noticed. */
export function interpolate(text: string, params?: TranslationParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
