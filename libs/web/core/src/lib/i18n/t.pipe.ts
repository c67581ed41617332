import { Pipe, PipeTransform, inject } from '@angular/core';
import type { TranslationKey, TranslationParams } from './dictionary';
import { I18nService } from './i18n.service';

/**
 * `{{ 'auth.signIn' | t }}` or `{{ 'home.title' | t: { name } }}`.
 * Impure so it follows a language switch; the work per check is one map lookup.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ cohort.startDate | localDate }}`: a date in the current language. */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(iso: string | null | undefined): string {
    return iso ? this.i18n.formatDate(iso) : '';
  }
}
