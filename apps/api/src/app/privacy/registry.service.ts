import { Inject, Injectable } from '@nestjs/common';
import {
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type PersonalDataRegistryDto,
} from '@blup/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { PersonalTable } from './personal-data';
import { PERSONAL_DATA } from './personal-data-registry';

/** The registry as the privacy notice shows it: purposes, legal bases and periods in force. */
@Injectable()
export class RegistryService {
  private readonly dto: PersonalDataRegistryDto;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const days = config.privacy.retentionDays;
    this.dto = {
      retentionDays: { ...days },
      contact: { ...config.privacy.contact },
      tables: PERSONAL_DATA.map((entry) => {
        const period = entry.retention.period ? days[entry.retention.period] : 0;
        const columns = new Set<string>(Object.keys(entry.columns));
        for (const link of entry.links) columns.add(link.column);
        return {
          table: entry.table,
          owner: entry.owner,
          purpose: { ...entry.purpose },
          legalBasis: entry.legalBasis,
          retention: {
            da: entry.retention.da.replaceAll('{period}', periodInWords(period, 'da')),
            en: entry.retention.en.replaceAll('{period}', periodInWords(period, 'en')),
          },
          columns: [...columns].sort(),
          kinds: kindsOf(entry),
        };
      }),
    };
  }

  registry(): PersonalDataRegistryDto {
    return this.dto;
  }
}

/** A period in days as people say it: whole years as years ("2 år"), else days ("30 dage"). */
export function periodInWords(days: number, locale: 'da' | 'en'): string {
  if (days >= 365 && days % 365 === 0) {
    const years = days / 365;
    if (locale === 'da') return `${years} år`;
    return years === 1 ? '1 year' : `${years} years`;
  }
  if (locale === 'da') return days === 1 ? '1 dag' : `${days} dage`;
  return days === 1 ? '1 day' : `${days} days`;
}

/** What a table holds about a person, in kinds: its columns' kinds and how its rows tie to one. */
export function kindsOf(entry: PersonalTable): PersonalDataKind[] {
  const kinds = new Set<PersonalDataKind>(Object.values(entry.columns).map((c) => c.kind));
  for (const link of entry.links) {
    if (link.part === 'author') kinds.add('authorship');
    else if (link.by === 'user') kinds.add('account');
    else kinds.add('email');
  }
  return PERSONAL_DATA_KINDS.filter((kind) => kinds.has(kind));
}
