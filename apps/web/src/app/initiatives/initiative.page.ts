import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { InitiativePersonDto } from '@blup/contracts';
import { InitiativesApi, LocalDatePipe } from '@blup/web/core';
import { PAGE_PARTS } from '../shared/page-parts';
import { initiativeStatusKey } from './initiative-labels';
import { ProgressBar } from './progress-bar';

/**
 * `/initiatives/:id`: one initiative: where it stands, its next step, who to call (a tap on the
 * phone number calls), its working group, partners and the village goals it serves.
 */
@Component({
  selector: 'blup-initiative-page',
  imports: [PAGE_PARTS, ProgressBar, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="initiative.isLoading()" [error]="initiative.error()" />
    @if (initiative.hasValue()) {
      @let i = initiative.value();
      <a matButton [routerLink]="['/villages', i.villageId, 'initiatives']">
        <blup-icon matButtonIcon name="back" />
        {{ 'initiatives.back' | t }}
      </a>
      <blup-page-header
        [heading]="i.title"
        [subheading]="'initiatives.focusArea' | t: { name: i.focusAreaName }"
      >
        @if (i.canEdit) {
          <a matButton="outlined" routerLink="edit" data-testid="edit-initiative">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
      </blup-page-header>
      <p class="status" data-testid="initiative-status">
        {{ 'initiatives.statusLabel' | t }}: <strong>{{ statusKey(i.status) | t }}</strong>
      </p>
      <blup-progress-bar [value]="i.progress" />
      @if (i.milestone; as m) {
        <p class="milestone" data-testid="initiative-milestone">
          @if (m.date) {
            {{ 'initiatives.milestoneDated' | t: { what: m.what, date: (m.date | localDate) } }}
          } @else {
            {{ 'initiatives.milestone' | t: { what: m.what } }}
          }
        </p>
      }

      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{{ 'initiatives.contactTitle' | t }}</h2>
        @if (i.contact; as c) {
          <p data-testid="initiative-contact">{{ c.name }}</p>
          <div class="reach">
            @if (c.phone) {
              <a matButton="tonal" [href]="'tel:' + dial(c.phone)">
                <blup-icon matButtonIcon name="person" />
                {{ 'initiatives.call' | t: { name: c.name } }} ({{ c.phone }})
              </a>
            }
            @if (c.email) {
              <a matButton="tonal" [href]="'mailto:' + c.email">
                <blup-icon matButtonIcon name="mail" />
                {{ 'initiatives.mail' | t: { name: c.name } }}
              </a>
            }
          </div>
        } @else {
          <p>{{ 'initiatives.noContact' | t }}</p>
        }
      </section>

      @if (i.description) {
        <section aria-labelledby="about-title">
          <h2 id="about-title">{{ 'initiatives.descriptionTitle' | t }}</h2>
          <p class="description">{{ i.description }}</p>
        </section>
      }

      <section aria-labelledby="goals-title">
        <h2 id="goals-title">{{ 'initiatives.goalsTitle' | t }}</h2>
        <ul class="links" data-testid="initiative-goals">
          @for (goal of i.goals; track goal.id) {
            <li>
              <a [routerLink]="['/goals', goal.id]">{{ goal.title }}</a>
            </li>
          }
        </ul>
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{{ 'initiatives.membersTitle' | t }}</h2>
        <ul class="people" data-testid="initiative-members">
          @for (member of i.members; track $index) {
            <li>
              {{ member.name }}
              @if (!member.userId) {
                <span class="hint">({{ 'initiatives.noAccount' | t }})</span>
              }
              @if (reach(member); as r) {
                <span class="hint">· {{ r }}</span>
              }
            </li>
          } @empty {
            <li>{{ 'initiatives.membersEmpty' | t }}</li>
          }
        </ul>
      </section>

      @if (i.partners.length) {
        <section aria-labelledby="partners-title">
          <h2 id="partners-title">{{ 'initiatives.partnersTitle' | t }}</h2>
          <ul class="people" data-testid="initiative-partners">
            @for (partner of i.partners; track $index) {
              <li>{{ partner }}</li>
            }
          </ul>
        </section>
      }
      <p class="hint">{{ 'initiatives.weight' | t: { weight: i.weight } }}</p>
    }
  `,
  styles: `
    .status {
      font: var(--mat-sys-title-medium);
    }
    .milestone {
      font: var(--mat-sys-body-large);
    }
    .description {
      white-space: pre-line;
    }
    .reach {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .reach a {
      min-block-size: 48px;
    }
    .links li {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
    .people,
    .links {
      padding-inline-start: 20px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class InitiativePage {
  private readonly api = inject(InitiativesApi);
  readonly id = input.required<string>();
  protected readonly statusKey = initiativeStatusKey;
  protected readonly initiative = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.initiative(params),
  });

  /** A phone number as a `tel:` link wants it: digits and a leading +. */
  protected dial(phone: string): string {
    return phone.replace(/[^\d+]/g, '');
  }

  protected reach(person: InitiativePersonDto): string {
    return [person.phone, person.email].filter(Boolean).join(' · ');
  }
}
