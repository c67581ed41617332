import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { GATHERING_PATHS, type GuestRegistrationDto, RegistrationStatus } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { GatheringTimePipe } from './gathering-date.pipe';
import { calendarHref, guestCalendar } from './guest-calendar';
import { PUBLIC_STYLES } from './public-styles';
import { QrCode } from './qr-code';

/** A guest's registration as the confirm page shows it: status, when and where, calendar, QR. */
@Component({
  selector: 'blup-guest-registration',
  imports: [Icon, QrCode, GatheringTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = registration();
    @let g = r.gathering;
    @if (r.status === waitlisted) {
      <h1 data-testid="status-waitlisted">{{ 'gatherings.waitlistedTitle' | t }}</h1>
      <p>{{ 'gatherings.waitlistedText' | t: { position: r.waitlistPosition ?? '?' } }}</p>
    } @else {
      <h1 data-testid="status-confirmed">{{ 'gatherings.confirmedTitle' | t }}</h1>
      <p>{{ 'gatherings.confirmedText' | t: { name: r.name } }}</p>
    }
    <div class="about">
      <p>
        <strong>{{ g.title }}</strong>
      </p>
      <p class="when">{{ g | gatheringTime }}</p>
      @if (g.address) {
        <p>{{ g.address }}</p>
      }
      @if (r.url) {
        <p>
          <a [href]="r.url" target="_blank" rel="noopener">{{ 'gatherings.openLink' | t }}</a>
        </p>
      }
    </div>
    <a
      class="plain-button outlined"
      [href]="calendar()"
      download="event.ics"
      data-testid="calendar"
    >
      <blup-icon name="download" />
      {{ 'gatherings.calendar' | t }}
    </a>
    @if (r.status === confirmed && r.checkInCode; as code) {
      <div class="box" data-testid="my-code">
        <h2>{{ 'gatherings.myCode' | t }}</h2>
        <blup-qr-code [value]="qrValue(code)" [label]="'gatherings.qrLabel' | t: { code }" />
        <p class="code-text" data-testid="code-text">{{ code }}</p>
        <p class="note">{{ 'gatherings.myCodeHint' | t }}</p>
      </div>
    }
  `,
  styles: `
    ${PUBLIC_STYLES}
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .plain-button {
      gap: 8px;
    }
  `,
})
export class GuestRegistration {
  readonly registration = input.required<GuestRegistrationDto>();
  protected readonly confirmed = RegistrationStatus.Confirmed;
  protected readonly waitlisted = RegistrationStatus.Waitlisted;
  protected readonly calendar = computed(() => {
    const r = this.registration();
    return calendarHref(guestCalendar(r.gathering, r.url));
  });

  protected qrValue(code: string): string {
    return `${location.origin}${GATHERING_PATHS.checkIn(this.registration().gathering.id, code)}`;
  }
}
