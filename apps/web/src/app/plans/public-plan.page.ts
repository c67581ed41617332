import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ApiError, LocalDatePipe, PlansApi, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { goalStatusKey } from '../goals/goal-labels';
import { SdgBadges } from '../goals/sdg-tiles';
import { LoadState } from '../shared/load-state';
import { PublicSurveyResults } from '../surveys/public-survey-results';
import { PublicWheel } from '../wheel/public-wheel';
import { PlanInitiatives } from './plan-initiatives';

/**
 * `/landsby/:slug`: a village's public page, outside the signed-in shell and readable without
 * an account. It shows only what was published (the plan with the goals, focus areas and
 * initiatives as they stand, never a person, and the story) and prints on A4 (print stylesheet below); the PDF is made by the API.
 */
@Component({
  selector: 'blup-public-plan-page',
  imports: [
    MatButton,
    Icon,
    TranslatePipe,
    LocalDatePipe,
    SdgBadges,
    LoadState,
    PublicWheel,
    PublicSurveyResults,
    PlanInitiatives,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page" lang="da">
      @if (notPublished()) {
        <h1>{{ 'plans.public.notPublishedTitle' | t }}</h1>
        <p data-testid="not-published">{{ 'plans.public.notPublishedText' | t }}</p>
      } @else {
        <blup-load-state [loading]="page.isLoading()" [error]="page.error()" />
      }
      @if (page.hasValue()) {
        @let p = page.value();
        <header>
          <h1 data-testid="public-village">{{ p.villageName }}</h1>
          <p class="municipality">
            {{ 'plans.public.municipality' | t: { municipality: p.municipalityName } }}
          </p>
          <div class="tools">
            <button matButton="outlined" type="button" (click)="print()">
              <blup-icon matButtonIcon name="article" />
              {{ 'plans.public.print' | t }}
            </button>
            @if (p.pdfUrl) {
              <a matButton="filled" [href]="p.pdfUrl" download data-testid="public-pdf">
                <blup-icon matButtonIcon name="download" />
                {{ 'plans.public.pdf' | t }}
              </a>
            }
          </div>
        </header>

        @if (p.plan; as plan) {
          <section aria-labelledby="plan-heading" data-testid="public-plan">
            <h2 id="plan-heading">{{ 'plans.public.planHeading' | t }}</h2>
            <p class="meta">
              {{
                'plans.public.publishedOn'
                  | t: { version: plan.version, date: (plan.publishedAt | localDate) }
              }}
            </p>
            @for (section of plan.content.sections; track section.id) {
              <article class="section">
                <h3>{{ section.title }}</h3>
                <p class="text">{{ section.text }}</p>
              </article>
            }
          </section>

          <section aria-labelledby="goals-heading" data-testid="public-goals">
            <h2 id="goals-heading">{{ 'plans.public.goalsHeading' | t }}</h2>
            <ul class="goals">
              @for (goal of p.goals; track goal.id) {
                <li class="goal">
                  <h3>{{ goal.title }}</h3>
                  <p class="goal-line">
                    <blup-sdg-badges [numbers]="goal.sdgs" />
                    <strong>{{ statusKey(goal.status) | t }}</strong>
                  </p>
                  @if (goal.why) {
                    <p>{{ goal.why }}</p>
                  }
                </li>
              } @empty {
                <li>{{ 'plans.noGoals' | t }}</li>
              }
            </ul>
            @if (p.goalCount > p.goals.length) {
              <p>{{ 'plans.moreGoals' | t: { count: p.goalCount - p.goals.length } }}</p>
            }
          </section>

          <section aria-labelledby="initiatives-heading" data-testid="public-initiatives">
            <h2 id="initiatives-heading">{{ 'plans.public.initiativesHeading' | t }}</h2>
            <blup-plan-initiatives [areas]="p.focusAreas" />
          </section>
        }

        @if (p.story; as story) {
          <section aria-labelledby="story-heading" class="story" data-testid="public-story">
            <h2 id="story-heading">{{ 'plans.public.storyHeading' | t }}</h2>
            <div [innerHTML]="story.content.html"></div>
          </section>
        }
        <blup-public-wheel [slug]="p.slug" />
        <blup-public-survey-results [slug]="p.slug" />
        <footer>{{ 'plans.public.footer' | t }}</footer>
      }
    </main>
  `,
  styles: `
    :host {
      display: block;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      min-block-size: 100vh;
    }
    .page {
      max-inline-size: 760px;
      margin-inline: auto;
      padding: 24px 16px 48px;
      font: var(--mat-sys-body-large);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 32px 0 8px;
      color: var(--mat-sys-primary);
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 4px;
    }
    .municipality,
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block: 16px;
    }
    .tools > * {
      min-block-size: 48px;
    }
    .text {
      white-space: pre-line;
      margin: 0 0 8px;
    }
    .goals {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .goal {
      padding-block: 4px 12px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .goal p {
      margin: 4px 0;
    }
    .goal-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    /* The story arrives as [innerHTML], which component styles reach only through ::ng-deep;
       the global img rule keeps it within the column. */
    .story ::ng-deep img {
      display: block;
      margin-block: 12px;
    }
    footer {
      margin-block-start: 48px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      @page {
        size: A4;
        margin: 18mm 16mm;
      }
      :host {
        background: #fff;
        color: #000;
        min-block-size: 0;
      }
      .page {
        max-inline-size: none;
        padding: 0;
        font-size: 11pt;
        line-height: 1.45;
      }
      .tools {
        display: none;
      }
      h1 {
        font-size: 22pt;
      }
      h2 {
        font-size: 15pt;
        color: #1d4d2b;
        break-after: avoid;
      }
      h3 {
        font-size: 12pt;
        break-after: avoid;
      }
      .section,
      .goal,
      .story ::ng-deep img {
        break-inside: avoid;
      }
      .story ::ng-deep img {
        max-block-size: 120mm;
      }
      a {
        color: #000;
      }
    }
  `,
})
export class PublicPlanPage {
  private readonly api = inject(PlansApi);

  readonly slug = input.required<string>();
  protected readonly statusKey = goalStatusKey;
  protected readonly page = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.publicPage(params),
  });

  protected notPublished(): boolean {
    const error = this.page.error();
    return error instanceof ApiError && error.status === 404;
  }

  protected print(): void {
    window.print();
  }
}
