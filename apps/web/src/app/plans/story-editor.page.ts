import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DocumentKind, PLAN_LIMITS, type StoryContent } from '@blup/contracts';
import { I18nService, PlansApi } from '@blup/web/core';
import { RichTextEditor } from '../authoring/rich-text-editor';
import { PAGE_PARTS } from '../shared/page-parts';
import { DocumentActions } from './document-actions';
import { DocumentConflictView } from './document-conflict';
import { DocumentEditor } from './document-editor';
import { DocumentHistory } from './document-history';
import { DocumentStatus } from './document-status';

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * `/villages/:villageId/story`: the village story, rich text with pictures. A picture is sent
 * to the API, which checks it, shrinks it and strips its metadata, and is then put in the text.
 */
@Component({
  selector: 'blup-story-editor-page',
  imports: [
    PAGE_PARTS,
    RichTextEditor,
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
        [heading]="'plans.storyTitle' | t: { village: doc.villageName }"
        [subheading]="'plans.storyIntro' | t"
      />
      <blup-document-status
        [doc]="doc"
        [changed]="doc.changedSincePublished"
        [publicPath]="doc.publicPath"
      />
      @if (editor.conflict(); as conflict) {
        <blup-document-conflict
          kind="story"
          [conflict]="conflict"
          [mineContent]="story()"
          [fallbackName]="'plans.someone' | t"
          (keepMine)="editor.keepMine()"
          (takeTheirs)="takeTheirs()"
        />
      }
      @if (doc.canEdit) {
        <blup-rich-text-editor
          [label]="'plans.storyField' | t"
          [value]="html()"
          (valueChange)="write($event)"
        />
        <div class="extras">
          <label class="upload" data-testid="add-image">
            <blup-icon name="upload" />
            {{ 'plans.addImage' | t }}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              data-testid="image-file"
              (change)="upload($event)"
            />
          </label>
          @if (uploading()) {
            <span role="status">{{ 'plans.imageUploading' | t }}</span>
          }
        </div>
      } @else {
        <p>{{ 'plans.readOnly' | t }}</p>
        <div class="story" [innerHTML]="html()"></div>
      }
      <div class="actions">
        <blup-document-actions
          [editor]="editor"
          [doc]="doc"
          [blocked]="tooLong()"
          [otherError]="uploadError()"
        />
      </div>
      <blup-document-history [villageId]="villageId()" [kind]="kind" [stamp]="editor.stamp()" />
    }
  `,
  styles: `
    .extras {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block: 8px;
    }
    .upload {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
      padding-inline: 16px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      color: var(--mat-sys-primary);
      cursor: pointer;
    }
    .upload:focus-within {
      outline: 2px solid var(--mat-sys-primary);
    }
    .upload input {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      opacity: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block-start: 16px;
    }
  `,
})
export class StoryEditorPage {
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  protected readonly kind = DocumentKind.Story;
  protected readonly editor = new DocumentEditor<StoryContent>(this.villageId, DocumentKind.Story);
  /** What the editor area shows; set when a document (or their version) is loaded. */
  protected readonly html = signal('');
  protected readonly uploading = signal(false);
  protected readonly uploadError = signal<unknown>(null);
  protected readonly story = computed<StoryContent>(() => this.editor.content() ?? { html: '' });
  protected readonly tooLong = computed(
    () => this.story().html.length > PLAN_LIMITS.storyHtmlMaxLength,
  );
  private readonly rte = viewChild(RichTextEditor);

  constructor() {
    effect(() => {
      if (this.editor.current() === null && this.editor.doc.hasValue()) {
        this.editor.adopt();
        this.html.set(this.editor.content()?.html ?? '');
      }
    });
  }

  protected write(html: string): void {
    this.editor.edit({ html });
  }

  protected takeTheirs(): void {
    this.editor.takeTheirs();
    this.html.set(this.story().html);
  }

  protected upload(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    field.value = '';
    if (!file) return;
    const alt = window.prompt(this.i18n.t('plans.imageAltPrompt'), '')?.trim() ?? '';
    this.uploading.set(true);
    this.uploadError.set(null);
    this.api.uploadImage(this.villageId(), this.kind, file).subscribe({
      next: (image) => {
        this.uploading.set(false);
        const tag = `<img src="${escapeAttr(image.url)}" alt="${escapeAttr(alt)}">`;
        const editor = this.rte();
        if (editor) editor.exec('insertHTML', tag);
        else this.write(`${this.story().html}${tag}`);
      },
      error: (error: unknown) => {
        this.uploading.set(false);
        this.uploadError.set(error);
      },
    });
  }
}
