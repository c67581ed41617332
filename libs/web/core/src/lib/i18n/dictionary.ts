import { da } from './da';

/** The shape every language must fill: the Danish dictionary with each text widened to `string`. */
export type DictionaryOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : DictionaryOf<T[K]>;
};

export type Dictionary = DictionaryOf<typeof da>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key of the dictionary, e.g. `'auth.signIn'`. Templates are checked against it. */
export type TranslationKey = Leaves<Dictionary>;

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
