import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { PersonalDataRegistryDto } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { STATEMENT_STYLES } from './statement.styles';

/**
 * How to reach the secretariat: the hotline for those with an account; the mail address and phone
 * number the installation sets (SECRETARIAT_EMAIL, SECRETARIAT_PHONE, served with the public
 * registry) for everyone else. A page that has the registry already passes its contact in;
 * otherwise the section asks for the registry itself.
 */
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
      @if (contact().email; as mail) {
        <p>
          {{ 'statements.contact.mail' | t }}
          <a class="link" [href]="'mailto:' + mail">{{ mail }}</a>
        </p>
      }
      @if (contact().phone; as phone) {
        <p>
          {{ 'statements.contact.phone' | t }}
          <a class="link" [href]="'tel:' + phone.replaceAll(' ', '')">{{ phone }}</a>
        </p>
      }
    </section>
  `,
  styles: STATEMENT_STYLES,
})
export class StatementContact {
  private readonly http = inject(HttpClient);

  /** The contact from a registry the page loaded; undefined: load it here. */
  readonly given = input<Contact | null | undefined>(undefined);

  private readonly registry = rxResource({
    params: () => (this.given() === undefined ? {} : undefined),
    stream: () => this.http.get<PersonalDataRegistryDto>('/api/privacy/registry'),
  });

  protected readonly contact = computed<Contact>(
    () =>
      this.given() ??
      (this.registry.hasValue() ? this.registry.value().contact : { email: null, phone: null }),
  );
}

type Contact = PersonalDataRegistryDto['contact'];
