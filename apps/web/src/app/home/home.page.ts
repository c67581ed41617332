import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { HomeCard } from '@blup/contracts';
import { AuthStore, HomeApi } from '@blup/web/core';
import { type IconName, Notice } from '@blup/web/ui';
import { openInviteDialog } from '../people/open-invite-dialog';
import { NextSessionCard } from './next-session-card';
import { PAGE_PARTS } from '../shared/page-parts';

/** By kind; kinds the API adds later fall back to an arrow. */
const CARD_ICONS: Readonly<Record<string, IconName>> = {
  municipality: 'municipality',
  village: 'village',
  cohort: 'cohort',
  people: 'people',
  welcome: 'welcome',
  continue: 'play',
};

/** The start page: a list of cards the API picks for the person's role. */
@Component({
  selector: 'blup-home-page',
  imports: [PAGE_PARTS, NgTemplateOutlet, Notice, NextSessionCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'home.title' | t: { name: auth.user()?.name }"
      [subheading]="'home.intro' | t"
    >
      @if (auth.canInvite()) {
        <button matButton="filled" type="button" data-testid="invite" (click)="invite()">
          <blup-icon matButtonIcon name="add" />
          {{ (auth.role() === 'steering_member' ? 'home.invite' : 'people.invite') | t }}
        </button>
      }
    </blup-page-header>

    <blup-load-state [loading]="home.isLoading()" [error]="home.error()" />

    @if (home.hasValue()) {
      @if (home.value().nextSession; as next) {
        <blup-next-session-card [session]="next" />
      }
      @let cards = home.value().cards;
      @if (cards.length) {
        <ul class="cards" data-testid="home-cards">
          @for (card of cards; track $index) {
            <li>
              @if (card.link) {
                <a class="card" [routerLink]="card.link" [attr.data-testid]="'card-' + card.kind">
                  <ng-container *ngTemplateOutlet="body; context: { $implicit: card }" />
                </a>
              } @else {
                <div class="card" [attr.data-testid]="'card-' + card.kind">
                  <ng-container *ngTemplateOutlet="body; context: { $implicit: card }" />
                </div>
              }
            </li>
          }
        </ul>
      } @else {
        <blup-notice icon="welcome" [message]="'home.empty' | t" />
      }
    }

    <ng-template #body let-card>
      <blup-icon class="card-icon" [name]="icon(card)" />
      <span class="card-text">
        <span class="card-title">{{ card.title }}</span>
        @if (card.subtitle) {
          <span class="card-subtitle">{{ card.subtitle }}</span>
        }
      </span>
      @if (card.count !== undefined && card.count !== null) {
        <span class="card-count">{{ card.count }}</span>
      }
    </ng-template>
  `,
  styleUrl: './home.page.scss',
})
export class HomePage {
  private readonly api = inject(HomeApi);
  private readonly injector = inject(Injector);
  protected readonly auth = inject(AuthStore);
  /** Cards come worded in the person's language: fetch again when they switch. */
  protected readonly home = rxResource({
    params: () => this.auth.user()?.locale,
    stream: () => this.api.get(),
  });

  protected icon(card: HomeCard): IconName {
    return CARD_ICONS[card.kind] ?? 'next';
  }

  protected invite(): void {
    void openInviteDialog(this.injector).then((person) => person && this.home.reload());
  }
}
