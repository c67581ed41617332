import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCheckbox } from '@angular/material/checkbox';
import type { SdgTargetDto } from '@blup/contracts';
import { GoalsApi, I18nService, TranslatePipe } from '@blup/web/core';
import { LoadState } from '../shared/load-state';
import { injectSdgs, sdgName } from './sdg-tiles';

/** The SDG a target code sits under: "11.2" → 11. */
export function sdgOfTarget(code: string): number {
  return Number(code.split('.')[0]);
}

/** A target's text in the reader's language, and the language it is written in. */
export function targetText(
  target: SdgTargetDto,
  locale: string,
): { text: string; lang: 'da' | 'en' } {
  return locale === 'da' && target.textDa
    ? { text: target.textDa, lang: 'da' }
    : { text: target.textEn, lang: 'en' };
}

/**
 * One chosen SDG's targets (delmål) to tick, folded away until opened: most goals need none, and
 * an SDG has up to 19 long texts. The targets are fetched the first time it is opened; each is a
 * large checkbox with its code and the UN's text (English where no Danish one is at hand).
 */
@Component({
  selector: 'blup-sdg-target-picker',
  imports: [MatCheckbox, TranslatePipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details
      class="picker"
      [attr.data-testid]="'targets-' + sdg()"
      (toggle)="opened.set($any($event.target).open)"
    >
      <summary>
        {{ 'goals.targetsFor' | t: { number: sdg(), name: name() } }}
        @if (chosenHere() > 0) {
          <span class="count">{{ 'goals.targetsChosen' | t: { count: chosenHere() } }}</span>
        }
      </summary>
      <blup-load-state [loading]="targets.isLoading()" [error]="targets.error()" />
      @if (targets.hasValue()) {
        <ul class="list">
          @for (target of targets.value(); track target.code) {
            @let text = textOf(target);
            <li>
              <mat-checkbox
                [checked]="value().includes(target.code)"
                [attr.data-testid]="'target-' + target.code"
                (change)="toggle(target.code, $event.checked)"
              >
                <strong>{{ target.code }}</strong>
                <span [attr.lang]="text.lang === locale() ? null : text.lang">{{ text.text }}</span>
              </mat-checkbox>
            </li>
          }
        </ul>
      }
    </details>
  `,
  styles: `
    .picker {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin-block: 8px;
    }
    summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
      padding-inline: 12px;
      cursor: pointer;
      font: var(--mat-sys-title-small);
    }
    .count {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0 8px 8px;
    }
    .list li {
      border-block-start: 1px solid var(--mat-sys-outline-variant);
      padding-block: 4px;
    }
    mat-checkbox strong {
      margin-inline-end: 6px;
    }
  `,
})
export class SdgTargetPicker {
  private readonly api = inject(GoalsApi);
  private readonly i18n = inject(I18nService);
  private readonly sdgs = injectSdgs();

  /** The SDG number. */
  readonly sdg = input.required<number>();
  /** Every chosen target code, under any SDG; this picker changes only its own SDG's. */
  readonly value = model<string[]>([]);

  protected readonly opened = signal(false);
  protected readonly locale = this.i18n.locale;
  protected readonly name = computed(() => {
    const sdg = this.sdgs().find((s) => s.number === this.sdg());
    return sdg ? sdgName(sdg, this.locale()) : '';
  });
  protected readonly chosenHere = computed(
    () => this.value().filter((code) => sdgOfTarget(code) === this.sdg()).length,
  );
  protected readonly targets = rxResource({
    params: () => (this.opened() ? this.sdg() : undefined),
    stream: ({ params }) => this.api.targets(params),
  });

  protected textOf(target: SdgTargetDto): { text: string; lang: 'da' | 'en' } {
    return targetText(target, this.locale());
  }

  protected toggle(code: string, checked: boolean): void {
    const others = this.value().filter((c) => c !== code);
    this.value.set(checked ? [...others, code] : others);
  }
}
