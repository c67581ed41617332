import {
  ChangeDetectionStrategy,
  Component,
  type Signal,
  computed,
  inject,
  input,
  model,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { SdgDto } from '@blup/contracts';
import { GoalsApi, I18nService, TranslatePipe } from '@blup/web/core';

/**
 * Black or white, whichever reads better on the colour (`#RRGGBB`): the higher WCAG contrast,
 * which is never below 4.5:1, so every SDG colour can carry text.
 */
export function inkOn(colour: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const c = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** The 17 SDGs, fetched once per visit; empty until they arrive. Call in an injection context. */
export function injectSdgs(): Signal<SdgDto[]> {
  return toSignal(inject(GoalsApi).sdgs, { initialValue: [] as SdgDto[] });
}

/** An SDG's colour and the text colour that reads on it (grey until the SDGs have arrived). */
export function sdgColours(sdgs: SdgDto[]): (number: number) => { colour: string; ink: string } {
  const byNumber = new Map(sdgs.map((sdg) => [sdg.number, sdg.colour]));
  return (number) => {
    const colour = byNumber.get(number) ?? '#79747e';
    return { colour, ink: inkOn(colour) };
  };
}

/** The SDG's name in the reader's language. */
export function sdgName(sdg: SdgDto, locale: string): string {
  return locale === 'en' ? sdg.nameEn : sdg.nameDa;
}

/**
 * The 17 SDGs as tiles in their UN colours, picked by tapping: each tile is a toggle button
 * (`aria-pressed`) at least 48 px high, with its number and name, so a phone needs no menu.
 */
@Component({
  selector: 'blup-sdg-tiles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tiles" role="group" [attr.aria-label]="label()" data-testid="sdg-tiles">
      @for (sdg of sdgs(); track sdg.number) {
        <button
          type="button"
          class="tile"
          [class.on]="chosen().has(sdg.number)"
          [style.--sdg]="sdg.colour"
          [style.--sdg-ink]="ink(sdg.colour)"
          [attr.aria-pressed]="chosen().has(sdg.number)"
          [attr.data-testid]="'sdg-' + sdg.number"
          (click)="toggle(sdg.number)"
        >
          <span class="number">{{ sdg.number }}</span>
          <span class="name">{{ name(sdg) }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 8px;
    }
    .tile {
      display: flex;
      align-items: center;
      gap: 8px;
      min-block-size: 56px;
      padding: 8px;
      border: 2px solid var(--sdg);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      text-align: start;
      cursor: pointer;
    }
    .tile.on {
      background: var(--sdg);
      color: var(--sdg-ink);
    }
    .tile:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .number {
      font: var(--mat-sys-title-large);
      min-inline-size: 2ch;
    }
    .name {
      min-inline-size: 0;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
  `,
})
export class SdgTiles {
  private readonly i18n = inject(I18nService);
  readonly value = model<number[]>([]);
  readonly label = input.required<string>();

  protected readonly sdgs = injectSdgs();
  protected readonly chosen = computed(() => new Set(this.value()));

  protected readonly ink = inkOn;

  protected name(sdg: SdgDto): string {
    return sdgName(sdg, this.i18n.locale());
  }

  protected toggle(number: number): void {
    const next = new Set(this.value());
    if (next.has(number)) next.delete(number);
    else next.add(number);
    this.value.set([...next].sort((a, b) => a - b));
  }
}

/** A goal's SDGs as small coloured numbers, each named for screen readers and on hover. */
@Component({
  selector: 'blup-sdg-badges',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="badges">
      @for (sdg of shown(); track sdg.number) {
        <li
          class="badge"
          [style.background]="sdg.colour"
          [style.color]="sdg.ink"
          [attr.title]="'goals.sdgNumber' | t: { number: sdg.number, name: sdg.name }"
        >
          <span aria-hidden="true">{{ sdg.number }}</span>
          <span class="sr-only">{{
            'goals.sdgNumber' | t: { number: sdg.number, name: sdg.name }
          }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .badge {
      display: grid;
      place-items: center;
      min-inline-size: 28px;
      block-size: 28px;
      border-radius: 4px;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class SdgBadges {
  private readonly i18n = inject(I18nService);
  readonly numbers = input.required<number[]>();
  private readonly sdgs = injectSdgs();

  protected readonly shown = computed(() => {
    const colours = sdgColours(this.sdgs());
    const byNumber = new Map(this.sdgs().map((sdg) => [sdg.number, sdg]));
    return this.numbers().map((number) => {
      const sdg = byNumber.get(number);
      return { number, ...colours(number), name: sdg ? sdgName(sdg, this.i18n.locale()) : '' };
    });
  });
}
