import { Inject, Injectable } from '@nestjs/common';
import type { PersonalDataRegistryDto } from '@blup/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
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
        const period = entry.retention.period ? String(days[entry.retention.period]) : '';
        const fill = (text: string) => text.replaceAll('{days}', period);
        const columns = new Set<string>(Object.keys(entry.columns));
        for (const link of entry.links) columns.add(link.column);
        return {
          table: entry.table,
          owner: entry.owner,
          purpose: { ...entry.purpose },
          legalBasis: entry.legalBasis,
          retention: { da: fill(entry.retention.da), en: fill(entry.retention.en) },
          columns: [...columns].sort(),
        };
      }),
    };
  }

  registry(): PersonalDataRegistryDto {
    return this.dto;
  }
}
