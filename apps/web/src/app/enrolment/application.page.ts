import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { type ApplicationDetailDto } from '@blup/contracts';
import { EnrolmentApi, LocalDatePipe } from '@blup/web/core';
import { APPLICATION_SECTION_STYLES, ApplicationAssessment } from './application-assessment';
import { Checklist } from './checklist';
import { applicationStatusKey, fundingKey } from './enrolment-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/enrolment/applications/:id`: one application with its checklist, and below it the
 * secretariat's assessment and decision (`ApplicationAssessment`).
 */
@Component({
  selector: 'blup-application-page',
  imports: [PAGE_PARTS, ApplicationAssessment, Checklist, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="application.isLoading()" [error]="application.error()" />
    @if (detail(); as a) {
      <blup-page-header
        [heading]="'enrolment.application.title' | t: { village: a.villageName }"
        [subheading]="(statusKey(a.status) | t) + ' · ' + a.offeringName"
      >
        <a matButton routerLink="/enrolment/intake">
          <blup-icon matButtonIcon name="back" />
          {{ 'enrolment.application.back' | t }}
        </a>
      </blup-page-header>

      <div class="layout">
        <div class="main">
          <section aria-labelledby="village-h">
            <h2 id="village-h">{{ 'enrolment.application.villageSection' | t }}</h2>
            <p>
              <strong>{{ a.villageName }}</strong>, {{ a.municipalityName }}
              @if (a.isNewVillage) {
                ({{ 'enrolment.intake.newVillage' | t }})
              }
            </p>
            <p>{{ a.offeringName }}</p>
            <p class="muted">
              {{
                'enrolment.application.applicant'
                  | t
                    : {
                        name: a.applicantName,
                        email: a.applicantEmail,
                        date: (a.createdAt | localDate),
                      }
              }}
            </p>
          </section>

          <section aria-labelledby="municipality-h">
            <h2 id="municipality-h">{{ 'enrolment.application.municipalitySection' | t }}</h2>
            <p>
              {{
                'enrolment.application.contact' | t: { name: a.contactName, email: a.contactEmail }
              }}
            </p>
            <p>
              {{
                'enrolment.application.funding' | t: { status: (fundingKey(a.fundingStatus) | t) }
              }}
            </p>
            @if (a.agreement; as file) {
              <a matButton="outlined" [href]="file.url" download data-testid="agreement-link">
                <blup-icon matButtonIcon name="download" />
                {{ 'enrolment.application.agreement' | t: { name: file.name } }}
              </a>
            } @else {
              <p class="muted">{{ 'enrolment.application.noAgreement' | t }}</p>
            }
          </section>

          <section aria-labelledby="group-h">
            <h2 id="group-h">{{ 'enrolment.application.groupSection' | t }}</h2>
            <ul class="people" data-testid="people">
              @for (p of a.people; track p.id) {
                <li>
                  <strong>{{ p.name }}</strong>
                  <span class="muted"
                    >{{ p.email }}
                    @if (p.position) {
                      · {{ p.position }}
                    }
                  </span>
                </li>
              }
            </ul>
          </section>

          <blup-application-assessment
            [application]="a"
            (updated)="updated.set($event)"
            (stale)="application.reload()"
          />
        </div>
        <aside class="side">
          <blup-checklist [checklist]="a.checklist" />
        </aside>
      </div>
    }
  `,
  styles: [
    APPLICATION_SECTION_STYLES,
    `
      .layout {
        display: grid;
        gap: 24px;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 840px) {
        .layout {
          grid-template-columns: minmax(0, 1fr) 320px;
          align-items: start;
        }
      }
      .side {
        grid-row: 1;
      }
      @media (min-width: 840px) {
        .side {
          grid-row: auto;
          position: sticky;
          inset-block-start: 16px;
        }
      }
      .people {
        display: flex;
        flex-direction: column;
        gap: 8px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .people li {
        display: flex;
        flex-direction: column;
        overflow-wrap: anywhere;
      }
    `,
  ],
})
export class ApplicationPage {
  private readonly api = inject(EnrolmentApi);

  readonly id = input.required<string>();

  protected readonly statusKey = applicationStatusKey;
  protected readonly fundingKey = fundingKey;

  protected readonly application = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.application(params),
  });
  /** Kept in a signal so a decision's answer shows at once, without reloading. */
  protected readonly updated = signal<ApplicationDetailDto | null>(null);
  protected readonly detail = computed(() => {
    const fresh = this.updated();
    if (fresh && fresh.id === this.id()) return fresh;
    return this.application.hasValue() ? this.application.value() : null;
  });
}
