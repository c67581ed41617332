import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { NEWSLETTER_MERGE_FIELDS } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { ErrorMessage, Icon } from '@blup/web/ui';
import { RichTextEditor } from '../authoring/rich-text-editor';

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An image the API keeps: https anywhere, or one of our own uploads. */
export function imageUrlAllowed(url: string): boolean {
  return /^https:\/\/[^\s"'<>]+$/i.test(url) || /^\/api\/[^\s"'<>]+$/.test(url);
}

/**
 * One text block: the shared rich-text editor, plus what a newsletter needs on top of it:
 * the merge fields ({{navn}}, {{landsby}}) and an image by its https address.
 */
@Component({
  selector: 'blup-newsletter-text-editor',
  imports: [MatButton, RichTextEditor, Icon, ErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-rich-text-editor [label]="label()" [(value)]="html" />
    <div class="extras" role="group" [attr.aria-label]="'newsletters.mergeFields' | t">
      <button
        matButton="outlined"
        type="button"
        data-testid="merge-name"
        (mousedown)="$event.preventDefault()"
        (click)="insertText(fields[0])"
      >
        <blup-icon matButtonIcon name="person" />
        {{ 'newsletters.mergeName' | t }}
      </button>
      <button
        matButton="outlined"
        type="button"
        data-testid="merge-village"
        (mousedown)="$event.preventDefault()"
        (click)="insertText(fields[1])"
      >
        <blup-icon matButtonIcon name="village" />
        {{ 'newsletters.mergeVillage' | t }}
      </button>
      <button
        matButton="outlined"
        type="button"
        data-testid="insert-image"
        (mousedown)="$event.preventDefault()"
        (click)="insertImage()"
      >
        <blup-icon matButtonIcon name="add" />
        {{ 'newsletters.insertImage' | t }}
      </button>
    </div>
    <blup-error-message [message]="imageError()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .extras {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    .extras button {
      min-block-size: 48px;
    }
  `,
})
export class NewsletterTextEditor {
  private readonly i18n = inject(I18nService);

  readonly label = input.required<string>();
  readonly html = model('');
  protected readonly fields = NEWSLETTER_MERGE_FIELDS;
  protected readonly imageError = signal<string | null>(null);
  private readonly editor = viewChild.required(RichTextEditor);

  protected insertText(text: string): void {
    this.editor().exec('insertText', text);
  }

  protected insertImage(): void {
    this.imageError.set(null);
    const url = window.prompt(this.i18n.t('newsletters.imagePrompt'), 'https://')?.trim();
    if (!url || url === 'https://') return;
    if (!imageUrlAllowed(url)) {
      this.imageError.set(this.i18n.t('newsletters.imageBadUrl'));
      return;
    }
    const alt = window.prompt(this.i18n.t('newsletters.imageAltPrompt'), '')?.trim() ?? '';
    this.editor().exec('insertHTML', `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}">`);
  }
}
