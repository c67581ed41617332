import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { PRIVACY_LIMITS, type PersonalDataRegistryDto } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { StatementContact } from './contact-section';
import { DATATILSYNET_URL } from './contact';
import { basisLabel, basisText, groupRegistry, kindLabel } from './registry-groups';
import { STATEMENT_STYLES } from './statement.styles';

/**
 * `/privatliv`, the privacy notice, for everyone (no sign-in): who is responsible, which data
 * we hold, why and how long (from the API's registry of personal data, so it cannot drift
 * from what is stored), the person's rights and where to complain.
 */
@Component({
  selector: 'blup-privacy-page',
  imports: [Notice, StatementContact, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="statement" data-testid="privacy-notice">
      <h1 data-testid="page-title">{{ 'statements.privacy.title' | t }}</h1>
      <p class="lead">{{ 'statements.privacy.intro' | t }}</p>

      <section aria-labelledby="who-heading">
        <h2 id="who-heading">{{ 'statements.privacy.whoHeading' | t }}</h2>
        <p>{{ 'statements.privacy.who' | t }}</p>
      </section>

      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">{{ 'statements.privacy.municipalitiesHeading' | t }}</h2>
        <p>{{ 'statements.privacy.municipalities' | t }}</p>
      </section>

      <section aria-labelledby="data-heading" data-testid="privacy-registry">
        <h2 id="data-heading">{{ 'statements.privacy.dataHeading' | t }}</h2>
        <p>{{ 'statements.privacy.dataIntro' | t }}</p>
        @if (registry.isLoading()) {
          <p class="loading" role="status">{{ 'statements.privacy.loading' | t }}</p>
        } @else if (registry.error()) {
          <blup-notice
            class="failed"
            icon="error"
            data-testid="registry-failed"
            [heading]="'statements.privacy.loadFailedTitle' | t"
            [message]="'statements.privacy.loadFailedText' | t"
          >
            <button class="plain-button outlined" type="button" (click)="registry.reload()">
              {{ 'statements.privacy.retry' | t }}
            </button>
          </blup-notice>
        } @else {
          @for (group of groups(); track group.basis) {
            <h3>{{ basisLabel(group.basis) | t }}</h3>
            <p class="note">{{ basisText(group.basis) | t }}</p>
            <ul class="plain">
              @for (item of group.items; track $index) {
                <li class="item" data-testid="registry-item">
                  <p>{{ item.purpose }}</p>
                  <p class="note">
                    {{ 'statements.privacy.retention' | t: { retention: item.retention } }}
                  </p>
                  @if (item.kinds.length > 0) {
                    <p class="note" data-testid="registry-kinds">
                      {{ 'statements.privacy.fields' | t }}:
                      @for (kind of item.kinds; track kind; let last = $last) {
                        {{ kindLabel(kind) | t }}{{ last ? '' : ', ' }}
                      }
                    </p>
                  }
                </li>
              }
            </ul>
          }
        }
      </section>

      <section aria-labelledby="rights-heading" data-testid="privacy-rights">
        <h2 id="rights-heading">{{ 'statements.privacy.rightsHeading' | t }}</h2>
        <ul class="points">
          <li>{{ 'statements.privacy.rightSee' | t }}</li>
          <li>{{ 'statements.privacy.rightErase' | t: { days: coolOffDays } }}</li>
          <li>{{ 'statements.privacy.rightFix' | t }}</li>
          <li>{{ 'statements.privacy.rightPanel' | t }}</li>
          <li>{{ 'statements.privacy.rightNoAccount' | t }}</li>
        </ul>
      </section>

      <blup-statement-contact [given]="registry.hasValue() ? registry.value().contact : null" />

      <section aria-labelledby="complain-heading">
        <h2 id="complain-heading">{{ 'statements.privacy.complainHeading' | t }}</h2>
        <p>{{ 'statements.privacy.complain' | t }}</p>
        <p>
          <a class="link" [href]="datatilsynet" rel="noopener">{{
            'statements.privacy.complainLink' | t
          }}</a>
        </p>
      </section>
    </article>
  `,
  styles: STATEMENT_STYLES,
})
export class PrivacyPage {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);

  protected readonly coolOffDays = PRIVACY_LIMITS.erasureCoolOffDays;
  protected readonly datatilsynet = DATATILSYNET_URL;
  protected readonly basisLabel = basisLabel;
  protected readonly basisText = basisText;
  protected readonly kindLabel = kindLabel;

  /** GET /api/privacy/registry: public, the same list the API's retention and exports use. */
  protected readonly registry = rxResource({
    stream: () => this.http.get<PersonalDataRegistryDto>('/api/privacy/registry'),
  });

  protected readonly groups = computed(() =>
    this.registry.hasValue() ? groupRegistry(this.registry.value(), this.i18n.locale()) : [],
  );
}
