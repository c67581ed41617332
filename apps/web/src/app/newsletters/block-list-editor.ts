import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOptgroup, MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import {
  NEWSLETTER_BLOCK_TYPES,
  NEWSLETTER_LIMITS,
  type NewsletterBlock,
  type NewsletterBlockType,
  type NewsletterCardOption,
  type NewsletterNextStepsBlock,
  type NewsletterVillageCardOption,
  SurveyPurpose,
} from '@blup/contracts';
import { TranslatePipe, type TranslationKey } from '@blup/web/core';
import { Icon, type IconName } from '@blup/web/ui';
import { type EditorBlock, emptyBlock, moveBlock } from './blocks';
import { blockTypeKey } from './newsletter-labels';
import { NewsletterTextEditor } from './text-block-editor';

const BLOCK_ICONS: Record<NewsletterBlockType, IconName> = {
  text: 'article',
  lesson: 'school',
  video: 'play',
  next_steps: 'list',
  session: 'cohort',
  village_card: 'flag',
  survey: 'forum',
};

/** The purposes a survey block can link, in the order the picker shows them. */
const SURVEY_BLOCK_PURPOSES = Object.values(SurveyPurpose);

/** The picker's options grouped by village, in the order the API gives them. */
export function byVillage(
  options: readonly NewsletterVillageCardOption[],
): { villageId: string; villageName: string; options: NewsletterVillageCardOption[] }[] {
  const groups = new Map<
    string,
    { villageId: string; villageName: string; options: NewsletterVillageCardOption[] }
  >();
  for (const option of options) {
    let group = groups.get(option.villageId);
    if (!group) {
      group = { villageId: option.villageId, villageName: option.villageName, options: [] };
      groups.set(option.villageId, group);
    }
    group.options.push(option);
  }
  return [...groups.values()];
}

/**
 * The newsletter's content as a list of blocks: text, lesson and video cards, village goal and
 * initiative cards, next steps and the session box; each can be moved up or down and removed, and new ones are added at the end.
 */
@Component({
  selector: 'blup-block-list-editor',
  imports: [
    MatSlideToggle,
    NgTemplateOutlet,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
    Icon,
    NewsletterTextEditor,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (blocks().length === 0) {
      <p class="empty" data-testid="blocks-empty">{{ 'newsletters.contentEmpty' | t }}</p>
    }
    <ol class="blocks" data-testid="blocks">
      @for (
        item of blocks();
        track item.key;
        let i = $index;
        let first = $first;
        let last = $last
      ) {
        @let kind = blockTypeKey(item.block.type) | t;
        <li class="block" [attr.data-testid]="'block-' + item.block.type">
          <div class="head">
            <blup-icon class="kind-icon" [name]="icons[item.block.type]" />
            <h3 class="kind">{{ 'newsletters.blockNumber' | t: { n: i + 1, kind } }}</h3>
            <button
              matIconButton
              type="button"
              [disabled]="first"
              [attr.aria-label]="'newsletters.moveUp' | t: { kind: kind + ' ' + (i + 1) }"
              data-testid="move-up"
              (click)="move(i, -1)"
            >
              <blup-icon name="up" />
            </button>
            <button
              matIconButton
              type="button"
              [disabled]="last"
              [attr.aria-label]="'newsletters.moveDown' | t: { kind: kind + ' ' + (i + 1) }"
              data-testid="move-down"
              (click)="move(i, 1)"
            >
              <blup-icon name="down" />
            </button>
            <button
              matIconButton
              type="button"
              [attr.aria-label]="'newsletters.remove' | t: { kind: kind + ' ' + (i + 1) }"
              data-testid="remove-block"
              (click)="remove(i)"
            >
              <blup-icon name="delete" />
            </button>
          </div>
          @switch (item.block.type) {
            @case ('text') {
              <blup-newsletter-text-editor
                [label]="'newsletters.textLabel' | t"
                [html]="$any(item.block).html"
                (htmlChange)="replace(i, { type: 'text', html: $event })"
              />
            }
            @case ('lesson') {
              <ng-container
                [ngTemplateOutlet]="picker"
                [ngTemplateOutletContext]="{
                  i,
                  item,
                  options: lessons(),
                  label: 'newsletters.lessonPick',
                }"
              />
            }
            @case ('video') {
              <ng-container
                [ngTemplateOutlet]="picker"
                [ngTemplateOutletContext]="{
                  i,
                  item,
                  options: videos(),
                  label: 'newsletters.videoPick',
                }"
              />
            }
            @case ('next_steps') {
              @let steps = $any(item.block);
              <mat-form-field subscriptSizing="dynamic" class="full">
                <mat-label>{{ 'newsletters.nextStepsHeading' | t }}</mat-label>
                <input
                  matInput
                  data-testid="steps-heading"
                  [attr.maxlength]="limits.heading"
                  [placeholder]="'newsletters.nextStepsDefault' | t"
                  [value]="steps.heading ?? ''"
                  (input)="setHeading(i, steps, $any($event.target).value)"
                />
              </mat-form-field>
              @if (sessionTarget()) {
                <mat-slide-toggle
                  class="from-last"
                  data-testid="steps-from-last-session"
                  [checked]="!!steps.fromLastSession"
                  (change)="setFromLastSession(i, steps, $event.checked)"
                >
                  {{ 'newsletters.nextStepsFromLastSession' | t }}
                </mat-slide-toggle>
                @if (steps.fromLastSession) {
                  <p class="note">{{ 'newsletters.nextStepsFromLastSessionNote' | t }}</p>
                }
              }
              <ol class="steps">
                @for (step of steps.items; track $index; let s = $index) {
                  <li class="step">
                    <mat-form-field subscriptSizing="dynamic" class="grow">
                      <mat-label>{{ 'newsletters.nextStep' | t: { n: s + 1 } }}</mat-label>
                      <input
                        matInput
                        data-testid="step"
                        [attr.maxlength]="limits.nextStepsItem"
                        [value]="step"
                        (input)="setStep(i, steps, s, $any($event.target).value)"
                      />
                    </mat-form-field>
                    <button
                      matIconButton
                      type="button"
                      [attr.aria-label]="'newsletters.removeStep' | t: { n: s + 1 }"
                      (click)="removeStep(i, steps, s)"
                    >
                      <blup-icon name="delete" />
                    </button>
                  </li>
                }
              </ol>
              @if (steps.items.length < limits.nextStepsItems) {
                <button matButton type="button" data-testid="add-step" (click)="addStep(i, steps)">
                  <blup-icon matButtonIcon name="add" />
                  {{ 'newsletters.addStep' | t }}
                </button>
              }
            }
            @case ('village_card') {
              @let card = $any(item.block);
              <mat-form-field subscriptSizing="dynamic" class="full">
                <mat-label>{{ 'newsletters.villageCardPick' | t }}</mat-label>
                <mat-select
                  data-testid="village-card-pick"
                  [value]="card.id ? card.kind + ':' + card.id : null"
                  (valueChange)="pickVillageCard(i, $event)"
                >
                  @for (group of villageGroups(); track group.villageId) {
                    <mat-optgroup [label]="group.villageName">
                      @for (option of group.options; track option.kind + option.id) {
                        <mat-option [value]="option.kind + ':' + option.id">
                          {{ option.title }}
                          <span class="muted"
                            >·
                            {{
                              (option.kind === 'goal'
                                ? 'newsletters.villageCardGoal'
                                : 'newsletters.villageCardInitiative'
                              ) | t
                            }}</span
                          >
                        </mat-option>
                      }
                    </mat-optgroup>
                  } @empty {
                    <mat-option disabled [value]="null">{{
                      'newsletters.noVillageCards' | t
                    }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <p class="note">{{ 'newsletters.villageCardNote' | t }}</p>
            }
            @case ('survey') {
              @let survey = $any(item.block);
              <mat-form-field subscriptSizing="dynamic" class="full">
                <mat-label>{{ 'newsletters.surveyPick' | t }}</mat-label>
                <mat-select
                  data-testid="survey-purpose-pick"
                  [value]="survey.purpose"
                  (valueChange)="replace(i, { type: 'survey', purpose: $event })"
                >
                  @for (purpose of surveyPurposes; track purpose) {
                    <mat-option [value]="purpose">{{ purposeKey(purpose) | t }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <p class="note">{{ 'newsletters.surveyNote' | t }}</p>
            }
            @case ('session') {
              <p class="note">
                {{
                  (sessionTarget()
                    ? 'newsletters.sessionBlockNote'
                    : 'newsletters.sessionBlockOnlySession'
                  ) | t
                }}
              </p>
            }
          }
        </li>
      }
    </ol>

    <ng-template #picker let-i="i" let-item="item" let-options="options" let-label="label">
      <mat-form-field subscriptSizing="dynamic" class="full">
        <mat-label>{{ label | t }}</mat-label>
        <mat-select
          data-testid="card-pick"
          [value]="item.block.lessonId || null"
          (valueChange)="replace(i, { type: item.block.type, lessonId: $event })"
        >
          @for (option of options; track option.lessonId) {
            <mat-option [value]="option.lessonId">
              {{ option.title }}
              <span class="muted">· {{ option.courseTitle }} · {{ option.moduleTitle }}</span>
            </mat-option>
          } @empty {
            <mat-option disabled [value]="null">{{ 'newsletters.noLessons' | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </ng-template>

    @if (blocks().length < limits.blocks) {
      <div class="add" role="group" [attr.aria-label]="'newsletters.addBlock' | t">
        <span class="add-label" aria-hidden="true">{{ 'newsletters.addBlock' | t }}:</span>
        @for (type of types(); track type) {
          <button
            matButton="tonal"
            type="button"
            [attr.data-testid]="'add-' + type"
            (click)="add(type)"
          >
            <blup-icon matButtonIcon [name]="icons[type]" />
            {{ blockTypeKey(type) | t }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .empty,
    .note {
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .blocks {
      display: flex;
      flex-direction: column;
      gap: 16px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .block {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px 16px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .head {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .kind-icon {
      color: var(--mat-sys-primary);
      margin-inline-end: 4px;
    }
    .kind {
      flex: 1;
      min-inline-size: 0;
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: break-word;
      hyphens: auto;
    }
    .full {
      inline-size: 100%;
    }
    .steps {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .step {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .grow {
      flex: 1;
      min-inline-size: 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .add-label {
      font: var(--mat-sys-title-small);
    }
    .add button {
      min-block-size: 48px;
    }
  `,
})
export class BlockListEditor {
  readonly blocks = model.required<EditorBlock[]>();
  /** The newsletter leads into a session, so the session box makes sense. */
  readonly sessionTarget = input(false);
  /** Published lessons for the cards. */
  readonly cardOptions = input<readonly NewsletterCardOption[]>([]);

  /** Goals and initiatives of villages with a published plan, for village cards. */
  readonly villageCardOptions = input<readonly NewsletterVillageCardOption[]>([]);

  protected readonly villageGroups = computed(() => byVillage(this.villageCardOptions()));
  protected readonly limits = NEWSLETTER_LIMITS;
  protected readonly icons = BLOCK_ICONS;
  protected readonly blockTypeKey = blockTypeKey;
  protected readonly types = computed(() =>
    NEWSLETTER_BLOCK_TYPES.filter((type) => type !== 'session' || this.sessionTarget()),
  );
  protected readonly lessons = computed(() => this.cardOptions());
  protected readonly videos = computed(() => this.cardOptions().filter((o) => o.inspiration));

  protected add(type: NewsletterBlockType): void {
    this.blocks.update((list) => [...list, emptyBlock(type)]);
  }

  protected move(index: number, by: -1 | 1): void {
    this.blocks.update((list) => moveBlock(list, index, by));
  }

  protected remove(index: number): void {
    this.blocks.update((list) => list.filter((_, i) => i !== index));
  }

  protected replace(index: number, block: NewsletterBlock): void {
    this.blocks.update((list) => list.map((item, i) => (i === index ? { ...item, block } : item)));
  }

  /** `value` is `kind:id`, as the picker's options carry it. */
  protected readonly surveyPurposes = SURVEY_BLOCK_PURPOSES;

  protected purposeKey(purpose: SurveyPurpose): TranslationKey {
    return `newsletters.surveyPurposes.${purpose}`;
  }

  protected pickVillageCard(index: number, value: string): void {
    const [kind, id] = value.split(':');
    if ((kind === 'goal' || kind === 'initiative') && id) {
      this.replace(index, { type: 'village_card', kind, id });
    }
  }

  protected setHeading(index: number, block: NewsletterNextStepsBlock, heading: string): void {
    this.replace(index, { ...block, heading });
  }

  protected setStep(
    index: number,
    block: NewsletterNextStepsBlock,
    at: number,
    text: string,
  ): void {
    this.replace(index, {
      ...block,
      items: block.items.map((item, i) => (i === at ? text : item)),
    });
  }

  /** Each village's copy shows the steps its circle recorded at its last held session. */
  protected setFromLastSession(
    index: number,
    block: NewsletterNextStepsBlock,
    fromLastSession: boolean,
  ): void {
    this.replace(index, { ...block, fromLastSession: fromLastSession || undefined });
  }

  protected addStep(index: number, block: NewsletterNextStepsBlock): void {
    this.replace(index, { ...block, items: [...block.items, ''] });
  }

  protected removeStep(index: number, block: NewsletterNextStepsBlock, at: number): void {
    this.replace(index, { ...block, items: block.items.filter((_, i) => i !== at) });
  }
}
