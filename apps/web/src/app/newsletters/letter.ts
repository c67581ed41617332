import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { NewsletterWebVersionDto } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { NewsletterWhenPipe } from './newsletter-labels';
import { NewsletterFrame } from './preview-frame';

/** One rendered copy to read: its subject as the page heading, when it was sent, the letter. */
@Component({
  selector: 'blup-newsletter-letter',
  imports: [PageHeader, NewsletterFrame, NewsletterWhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = copy();
    <blup-page-header
      [heading]="c.subject"
      [subheading]="
        (c.sentAt ? ('newsletters.sentOn' | t: { when: (c.sentAt | newsletterWhen) }) : '') +
        (c.villageName ? (c.sentAt ? ' · ' : '') + c.villageName : '')
      "
    />
    <blup-newsletter-frame
      width="fluid"
      [html]="c.html"
      [frameTitle]="'newsletters.frameTitle' | t: { subject: c.subject }"
    />
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 680px;
    }
  `,
})
export class NewsletterLetter {
  readonly copy = input.required<NewsletterWebVersionDto>();
}
