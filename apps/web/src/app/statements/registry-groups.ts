import {
  PERSONAL_DATA_KINDS,
  type LegalBasis,
  type Locale,
  type PersonalDataKind,
  type PersonalDataRegistryDto,
} from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

/** The order the privacy notice shows the legal bases in: the most common first. */
export const BASIS_ORDER: readonly LegalBasis[] = [
  'contract',
  'consent',
  'legitimate_interest',
  'public_task',
];

export interface RegistryItem {
  purpose: string;
  retention: string;
  /** What data, in kinds, in a fixed order. */
  kinds: PersonalDataKind[];
}

export interface RegistryGroup {
  basis: LegalBasis;
  items: RegistryItem[];
}

/**
 * The registry in plain words for one language: grouped by why we may hold the data, tables
 * with the same purpose and retention shown once with their fields together.
 */
export function groupRegistry(registry: PersonalDataRegistryDto, locale: Locale): RegistryGroup[] {
  return BASIS_ORDER.flatMap((basis) => {
    const byText = new Map<string, RegistryItem>();
    for (const table of registry.tables.filter((t) => t.legalBasis === basis)) {
      const purpose = table.purpose[locale];
      const retention = table.retention[locale];
      const key = `${purpose}\n${retention}`;
      const item = byText.get(key) ?? { purpose, retention, kinds: [] };
      const kinds = new Set([...item.kinds, ...table.kinds]);
      item.kinds = PERSONAL_DATA_KINDS.filter((kind) => kinds.has(kind));
      byText.set(key, item);
    }
    return byText.size > 0 ? [{ basis, items: [...byText.values()] }] : [];
  });
}

/** The plain-words heading of a legal basis. */
export function basisLabel(basis: LegalBasis): TranslationKey {
  return `statements.privacy.basis.${basis}` as TranslationKey;
}

/** What the legal basis means for the person, with its GDPR article. */
export function basisText(basis: LegalBasis): TranslationKey {
  return `statements.privacy.basisText.${basis}` as TranslationKey;
}

/** A kind of data in words ("navn", "e-mail"). */
export function kindLabel(kind: PersonalDataKind): TranslationKey {
  return `statements.privacy.kinds.${kind}` as TranslationKey;
}
