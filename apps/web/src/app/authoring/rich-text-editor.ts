import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  SecurityContext,
  effect,
  inject,
  input,
  model,
  untracked,
  viewChild,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { DomSanitizer } from '@angular/platform-browser';
import { I18nService, type TranslationKey, TranslatePipe } from '@blup/web/core';
import { Icon, type IconName } from '@blup/web/ui';

interface Tool {
  label: TranslationKey;
  icon: IconName;
  run: (editor: RichTextEditor) => void;
}

const TOOLS: readonly Tool[] = [
  { label: 'authoring.bold', icon: 'bold', run: (e) => e.exec('bold') },
  { label: 'authoring.italic', icon: 'italic', run: (e) => e.exec('italic') },
  { label: 'authoring.heading', icon: 'heading', run: (e) => e.exec('formatBlock', 'h2') },
  { label: 'authoring.list', icon: 'list', run: (e) => e.exec('insertUnorderedList') },
  { label: 'authoring.link', icon: 'link', run: (e) => e.link() },
];

/**
 * A small rich-text editor: a contenteditable area with bold, italic, heading, list and link.
 * What it produces is sanitised here for display and again by the API before it is stored.
 */
@Component({
  selector: 'blup-rich-text-editor',
  imports: [MatIconButton, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="label" [id]="labelId">{{ label() }}</span>
    <div class="toolbar" role="toolbar" [attr.aria-label]="'authoring.toolbar' | t">
      @for (tool of tools; track tool.label) {
        <button
          matIconButton
          type="button"
          [attr.aria-label]="tool.label | t"
          (mousedown)="$event.preventDefault()"
          (click)="tool.run(this)"
        >
          <blup-icon [name]="tool.icon" />
        </button>
      }
    </div>
    <div
      #area
      class="area"
      contenteditable="true"
      role="textbox"
      aria-multiline="true"
      data-testid="body"
      [attr.aria-labelledby]="labelId"
      (focus)="paragraphs()"
      (input)="changed()"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-block: 4px;
    }
    .area {
      min-block-size: 200px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-extra-small);
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface);
      overflow-wrap: anywhere;
    }
    .area:focus {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -1px;
    }
  `,
})
export class RichTextEditor {
  private static nextId = 0;
  private readonly sanitizer = inject(DomSanitizer);
  private readonly i18n = inject(I18nService);

  readonly label = input.required<string>();
  /** HTML. Set from outside only when a new document is loaded; typing updates it. */
  readonly value = model('');
  protected readonly tools = TOOLS;
  protected readonly labelId = `rte-label-${RichTextEditor.nextId++}`;
  private readonly area = viewChild.required<ElementRef<HTMLDivElement>>('area');
  private written: string | null = null;

  constructor() {
    effect(() => {
      const value = this.value();
      const area = untracked(this.area).nativeElement;
      if (value === this.written) return;
      area.innerHTML = this.sanitizer.sanitize(SecurityContext.HTML, value) ?? '';
      this.written = value;
    });
  }

  /** Formatting through the browser's editing commands, which still work everywhere. */
  exec(command: string, value?: string): void {
    this.area().nativeElement.focus();
    document.execCommand(command, false, value);
    this.changed();
  }

  /**
   * Enter starts a new paragraph (`p`, not the browser's default `div`), and the first line
   * typed into an empty area is a paragraph too.
   */
  protected paragraphs(): void {
    document.execCommand('defaultParagraphSeparator', false, 'p');
    const area = this.area().nativeElement;
    if (!area.textContent?.trim() && !area.querySelector('img')) {
      area.innerHTML = '<p><br></p>';
      const range = document.createRange();
      range.setStart(area.firstChild as Node, 0);
      range.collapse(true);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }

  link(): void {
    const url = window.prompt(this.i18n.t('authoring.linkPrompt'), 'https://');
    if (url && /^(https?:|mailto:)/i.test(url.trim())) this.exec('createLink', url.trim());
  }

  protected changed(): void {
    this.written = this.area().nativeElement.innerHTML;
    this.value.set(this.written);
  }
}
