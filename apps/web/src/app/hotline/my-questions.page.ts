import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { HotlineRequestDto } from '@blup/contracts';
import { HotlineApi, I18nService, pagedList } from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { QUESTION_CARD_STYLES } from './question-card-styles';
import { askerStateKey, dateTime } from './hotline-labels';

/** `/hjaelp`: the person's own questions to the secretariat, the latest news first. */
@Component({
  selector: 'blup-hotline-my-questions-page',
  imports: [PAGE_PARTS, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'hotline.myTitle' | t" [subheading]="'hotline.myIntro' | t">
      <a matButton="filled" routerLink="/hjaelp/spoerg" data-testid="hotline-ask-new">
        <blup-icon matButtonIcon name="add" />
        {{ 'hotline.askNew' | t }}
      </a>
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="hotline.myEmpty">
      <ul class="cards">
        @for (item of list.items(); track item.id) {
          <li>
            <a class="card" [routerLink]="['/hjaelp', item.id]" data-testid="hotline-my-question">
              <strong>{{ item.subject }}</strong>
              <span [class.answered]="item.state === 'waiting'">
                {{ stateKey(item.state) | t }}
              </span>
              <span class="meta">
                {{ when(item.lastMessageAt) }} ·
                {{ 'hotline.messages' | t: { count: item.messageCount } }}
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    ${QUESTION_CARD_STYLES}
    .answered {
      color: var(--mat-sys-primary);
      font-weight: 600;
    }
  `,
})
export class MyQuestionsPage {
  private readonly api = inject(HotlineApi);
  private readonly i18n = inject(I18nService);
  protected readonly stateKey = askerStateKey;
  protected readonly list = pagedList<HotlineRequestDto>((query) => this.api.mine(query));

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }
}
