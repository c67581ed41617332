import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { SECRETARIAT_MAIL } from './contact';
import { STATEMENT_STYLES } from './statement.styles';

/** How to reach the secretariat: the hotline for those with an account, otherwise by mail. */
@Component({
  selector: 'blup-statement-contact',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="contact-heading" data-testid="statement-contact">
      <h2 id="contact-heading">{{ 'statements.contact.heading' | t }}</h2>
      <p>
        <a class="link" routerLink="/hjaelp/spoerg">{{ 'statements.contact.hotline' | t }}</a>
      </p>
      <p>
        {{ 'statements.contact.mail' | t }}
        <a class="link" [href]="'mailto:' + mail">{{ mail }}</a>
      </p>
    </section>
  `,
  styles: STATEMENT_STYLES,
})
export class StatementContact {
  protected readonly mail = SECRETARIAT_MAIL;
}
