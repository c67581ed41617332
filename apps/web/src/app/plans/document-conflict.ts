import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { DocumentConflict, PlanContent, StoryContent } from '@blup/contracts';
import { LocalDatePipe, TranslatePipe } from '@blup/web/core';

/** One side of the comparison: the plan's sections, or the story's HTML. */
export type ConflictSide =
  { kind: 'plan'; content: PlanContent } | { kind: 'story'; content: StoryContent };

/** A section as the comparison shows it, marked when the other side differs. */
interface ShownSection {
  id: string;
  title: string;
  text: string;
  differs: boolean;
}

function sectionsOf(side: ConflictSide, other: ConflictSide): ShownSection[] {
  if (side.kind !== 'plan' || other.kind !== 'plan') return [];
  const theirs = new Map(other.content.sections.map((s) => [s.id, s]));
  return side.content.sections.map((s) => {
    const match = theirs.get(s.id);
    return { ...s, differs: !match || match.title !== s.title || match.text !== s.text };
  });
}

/**
 * After a 409: the version someone else saved beside yours, sections that differ marked, and
 * one choice: keep yours (it goes on top of theirs, and is saved with the next save) or take
 * theirs (yours is dropped). Used by the plan and the story editors.
 */
@Component({
  selector: 'blup-document-conflict',
  imports: [MatButton, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{{ 'plans.conflictTitle' | t }}</h2>
      <p>
        {{ 'plans.conflictIntro' | t: { name: name(), date: (conflict().updatedAt | localDate) } }}
      </p>
      <div class="sides">
        <article class="side" data-testid="conflict-theirs" aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">{{ 'plans.theirs' | t }} ({{ name() }})</h3>
          @if (theirs().kind === 'plan') {
            @for (section of theirSections(); track section.id) {
              <div class="section" [class.differs]="section.differs">
                <h4>{{ section.title }}</h4>
                <p>{{ section.text || ('plans.empty' | t) }}</p>
              </div>
            } @empty {
              <p>{{ 'plans.empty' | t }}</p>
            }
          } @else {
            <div class="story" [innerHTML]="storyHtml(theirs())"></div>
          }
        </article>
        <article class="side" data-testid="conflict-mine" aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">{{ 'plans.mine' | t }}</h3>
          @if (mine().kind === 'plan') {
            @for (section of mySections(); track section.id) {
              <div class="section" [class.differs]="section.differs">
                <h4>{{ section.title }}</h4>
                <p>{{ section.text || ('plans.empty' | t) }}</p>
              </div>
            } @empty {
              <p>{{ 'plans.empty' | t }}</p>
            }
          } @else {
            <div class="story" [innerHTML]="storyHtml(mine())"></div>
          }
        </article>
      </div>
      <div class="choices">
        <button matButton="filled" type="button" data-testid="keep-mine" (click)="keepMine.emit()">
          {{ 'plans.keepMine' | t }}
        </button>
        <button
          matButton="outlined"
          type="button"
          data-testid="take-theirs"
          (click)="takeTheirs.emit()"
        >
          {{ 'plans.takeTheirs' | t }}
        </button>
      </div>
    </section>
  `,
  styles: `
    .conflict {
      margin-block: 16px;
      padding: 16px;
      border: 2px solid var(--mat-sys-error);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    h4 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .sides {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 12px;
    }
    .side {
      padding: 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      overflow-wrap: anywhere;
    }
    .section {
      padding: 4px 8px;
      border-inline-start: 4px solid transparent;
    }
    .section p {
      margin: 4px 0 8px;
      white-space: pre-line;
    }
    .differs {
      border-inline-start-color: var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 12px;
    }
    .choices button {
      min-block-size: 48px;
    }
  `,
})
export class DocumentConflictView {
  /** What was saved in between, as the 409 carried it. */
  readonly conflict = input.required<DocumentConflict<unknown>>();
  readonly kind = input.required<'plan' | 'story'>();
  /** What this person wrote. */
  readonly mineContent = input.required<PlanContent | StoryContent>();
  /** A name to show when the other person is unknown (an account since removed). */
  readonly fallbackName = input('');

  readonly keepMine = output<void>();
  readonly takeTheirs = output<void>();

  protected readonly name = computed(() => this.conflict().updatedBy?.name ?? this.fallbackName());
  protected readonly theirs = computed(
    () => ({ kind: this.kind(), content: this.conflict().content }) as ConflictSide,
  );
  protected readonly mine = computed(
    () => ({ kind: this.kind(), content: this.mineContent() }) as ConflictSide,
  );
  protected readonly theirSections = computed(() => sectionsOf(this.theirs(), this.mine()));
  protected readonly mySections = computed(() => sectionsOf(this.mine(), this.theirs()));

  protected storyHtml(side: ConflictSide): string {
    return side.kind === 'story' ? side.content.html : '';
  }
}
