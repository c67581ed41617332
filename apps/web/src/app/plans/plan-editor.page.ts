import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIconButton } from '@angular/material/button';
import { MatInput } from '@angular/material/input';
import { DocumentKind, PLAN_LIMITS, type PlanContent, type PlanSection } from '@blup/contracts';
import { GoalsApi, I18nService, InitiativesApi } from '@blup/web/core';
import { SdgBadges } from '../goals/sdg-tiles';
import { goalStatusKey } from '../goals/goal-labels';
import { PAGE_PARTS } from '../shared/page-parts';
import { DocumentActions } from './document-actions';
import { DocumentConflictView } from './document-conflict';
import { DocumentEditor } from './document-editor';
import { DocumentHistory } from './document-history';
import { DocumentStatus } from './document-status';
import { PlanInitiatives, type PlanFocusArea } from './plan-initiatives';

const GOALS_SHOWN = 100;

function newSectionId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * `/villages/:villageId/plan`: the development plan on a phone. Free sections (heading and
 * text) added, moved and removed; the village's goals shown as they join the plan; save the
 * draft, and for the coordination group publish or take down; versions and history below.
 */
@Component({
  selector: 'blup-plan-editor-page',
  imports: [
    PlanInitiatives,
    PAGE_PARTS,
    MatFormField,
    MatLabel,
    MatInput,
    MatIconButton,
    SdgBadges,
    DocumentActions,
    DocumentConflictView,
    DocumentHistory,
    DocumentStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="editor.doc.isLoading()" [error]="editor.doc.error()" />
    @if (editor.current(); as doc) {
      <blup-page-header
        [heading]="'plans.planTitle' | t: { village: doc.villageName }"
        [subheading]="'plans.planIntro' | t"
      />
      <blup-document-status
        [doc]="doc"
        [changed]="doc.changedSincePublished"
        [publicPath]="doc.publicPath"
      />
      @if (!doc.canEdit) {
        <p>{{ 'plans.readOnly' | t }}</p>
      }

      @if (editor.conflict(); as conflict) {
        <blup-document-conflict
          kind="plan"
          [conflict]="conflict"
          [mineContent]="sections()"
          [fallbackName]="'plans.someone' | t"
          (keepMine)="editor.keepMine()"
          (takeTheirs)="editor.takeTheirs()"
        />
      }

      <h2>{{ 'plans.sections' | t }}</h2>
      <ol class="sections" data-testid="sections">
        @for (section of sections().sections; track section.id; let i = $index, last = $last) {
          <li class="section" [attr.data-testid]="'section-' + i">
            @if (doc.canEdit) {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'plans.sectionTitle' | t }}</mat-label>
                <input
                  matInput
                  [value]="section.title"
                  [attr.maxlength]="limits.sectionTitleMaxLength"
                  required
                  data-testid="section-title"
                  (input)="change(i, { title: $any($event.target).value })"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'plans.sectionText' | t }}</mat-label>
                <textarea
                  matInput
                  rows="5"
                  [value]="section.text"
                  [attr.maxlength]="limits.sectionTextMaxLength"
                  data-testid="section-text"
                  (input)="change(i, { text: $any($event.target).value })"
                ></textarea>
              </mat-form-field>
              <div class="tools">
                <button
                  matIconButton
                  type="button"
                  [disabled]="i === 0"
                  [attr.aria-label]="'plans.moveUp' | t: { title: label(section, i) }"
                  (click)="move(i, -1)"
                >
                  <blup-icon name="up" />
                </button>
                <button
                  matIconButton
                  type="button"
                  [disabled]="last"
                  [attr.aria-label]="'plans.moveDown' | t: { title: label(section, i) }"
                  (click)="move(i, 1)"
                >
                  <blup-icon name="down" />
                </button>
                <button
                  matIconButton
                  type="button"
                  [attr.aria-label]="'plans.remove' | t: { title: label(section, i) }"
                  (click)="remove(i)"
                >
                  <blup-icon name="delete" />
                </button>
              </div>
            } @else {
              <h3>{{ section.title }}</h3>
              <p class="text">{{ section.text }}</p>
            }
          </li>
        } @empty {
          <li class="empty">{{ 'plans.noSections' | t }}</li>
        }
      </ol>
      @if (doc.canEdit) {
        <button
          matButton="outlined"
          type="button"
          data-testid="add-section"
          [disabled]="sections().sections.length >= limits.sections"
          (click)="add()"
        >
          <blup-icon matButtonIcon name="add" />
          {{ 'plans.addSection' | t }}
        </button>
      }

      <section class="goals" aria-labelledby="goals-title" data-testid="plan-goals">
        <h2 id="goals-title">{{ 'plans.goalsHeading' | t }}</h2>
        <p class="note">{{ 'plans.goalsNote' | t }}</p>
        @if (goals.hasValue()) {
          <ul>
            @for (goal of goals.value().items; track goal.id) {
              <li>
                <span class="goal-title">{{ goal.title }}</span>
                <span class="goal-line">
                  <blup-sdg-badges [numbers]="goal.sdgs" />
                  {{ statusKey(goal.status) | t }}
                </span>
              </li>
            } @empty {
              <li>{{ 'plans.noGoals' | t }}</li>
            }
          </ul>
          @if (goals.value().total > goals.value().items.length) {
            <p>
              {{
                'plans.moreGoals' | t: { count: goals.value().total - goals.value().items.length }
              }}
            </p>
          }
        }
        <a matButton [routerLink]="['/villages', villageId(), 'goals']">{{
          (doc.canEdit ? 'plans.goalsLink' : 'plans.goalsLinkRead') | t
        }}</a>
      </section>

      <section class="goals" aria-labelledby="initiatives-title" data-testid="plan-initiatives">
        <h2 id="initiatives-title">{{ 'plans.initiativesHeading' | t }}</h2>
        <p class="note">{{ 'plans.initiativesNote' | t }}</p>
        @if (focusAreas.hasValue()) {
          <blup-plan-initiatives [areas]="areas()" [links]="true" />
          @if (focusAreas.value().total > focusAreas.value().items.length) {
            <p>
              {{
                'plans.moreInitiatives'
                  | t: { count: focusAreas.value().total - focusAreas.value().items.length }
              }}
            </p>
          }
        }
        <a matButton [routerLink]="['/villages', villageId(), 'initiatives']">{{
          (doc.canEdit ? 'plans.initiativesLink' : 'plans.initiativesLinkRead') | t
        }}</a>
      </section>

      <div class="actions">
        @if (invalid()) {
          <p class="error" role="alert">{{ 'plans.titleMissing' | t }}</p>
        }
        <blup-document-actions [editor]="editor" [doc]="doc" [blocked]="invalid()">
          @if (doc.canPublish) {
            @if (editor.dirty()) {
              <p class="note">{{ 'plans.publishSaveFirst' | t }}</p>
            }
          } @else if (doc.canEdit) {
            <p class="note">{{ 'plans.publishOnlyGroup' | t }}</p>
          }
        </blup-document-actions>
      </div>

      <blup-document-history [villageId]="villageId()" [kind]="kind" [stamp]="editor.stamp()" />
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .sections {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 16px;
    }
    .section {
      display: grid;
      gap: 8px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .section h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .text {
      white-space: pre-line;
      margin: 0;
    }
    .tools {
      display: flex;
      justify-content: flex-end;
      gap: 4px;
    }
    .goals ul {
      padding-inline-start: 20px;
    }
    .goals li {
      margin-block-end: 8px;
    }
    .goal-title {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .goal-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .note {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block-start: 24px;
    }
    .actions p {
      flex-basis: 100%;
      margin: 0;
    }
    a[matButton] {
      min-block-size: 48px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PlanEditorPage {
  private readonly goalsApi = inject(GoalsApi);
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  protected readonly kind = DocumentKind.Plan;
  protected readonly limits = PLAN_LIMITS;
  protected readonly editor = new DocumentEditor<PlanContent>(this.villageId, DocumentKind.Plan);
  protected readonly statusKey = goalStatusKey;

  protected readonly goals = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.goalsApi.goals(params, { pageSize: GOALS_SHOWN }),
  });

  /** The focus areas with their roll-up and initiatives, read-only (edited on their own page). */
  protected readonly focusAreas = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.initiativesApi.overview(params, { pageSize: GOALS_SHOWN }),
  });
  protected readonly areas = computed<PlanFocusArea[]>(() =>
    this.focusAreas.hasValue()
      ? this.focusAreas.value().items.map((area) => ({
          id: area.id,
          name: area.name,
          progress: area.progress,
          initiativeCount: area.initiativeCount,
          initiatives: area.initiatives.map((initiative) => ({
            id: initiative.id,
            title: initiative.title,
            status: initiative.status,
            progress: initiative.progress,
            milestoneWhat: initiative.milestone?.what ?? null,
            milestoneDate: initiative.milestone?.date ?? null,
          })),
        }))
      : [],
  );

  protected readonly sections = computed<PlanContent>(
    () => this.editor.content() ?? { sections: [] },
  );
  protected readonly invalid = computed(() =>
    this.sections().sections.some((section) => !section.title.trim()),
  );

  constructor() {
    effect(() => this.editor.adopt());
  }

  protected label(section: PlanSection, index: number): string {
    return section.title.trim() || this.i18n.t('plans.sectionNumber', { number: index + 1 });
  }

  protected add(): void {
    this.update((sections) => [
      ...sections,
      { id: newSectionId(), title: this.i18n.t('plans.newSection'), text: '' },
    ]);
  }

  protected change(index: number, patch: Partial<PlanSection>): void {
    this.update((sections) => sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  }

  protected move(index: number, by: -1 | 1): void {
    this.update((sections) => {
      const next = [...sections];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return next;
    });
  }

  protected remove(index: number): void {
    this.update((sections) => sections.filter((_, i) => i !== index));
  }

  private update(change: (sections: PlanSection[]) => PlanSection[]): void {
    this.editor.edit({ sections: change(this.sections().sections) });
  }
}
