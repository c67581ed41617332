import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type Material, MaterialKind } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { materialKindKey } from './session-labels';

/** A session's materials as links: a lesson opens in the app, a video or link in a new tab. */
@Component({
  selector: 'blup-material-list',
  imports: [RouterLink, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (materials().length) {
      <ul class="materials" data-testid="materials">
        @for (material of materials(); track $index) {
          <li>
            @if (material.kind === lessonKind && material.lessonId) {
              <a class="material" [routerLink]="['/lessons', material.lessonId]">
                <blup-icon name="school" />
                <span class="item-text">
                  <span class="kind">{{ materialKindKey(material.kind) | t }}</span>
                  <span>{{ material.title }}</span>
                </span>
              </a>
            } @else if (material.url) {
              <a class="material" target="_blank" rel="noopener noreferrer" [href]="material.url">
                <blup-icon [name]="material.kind === videoKind ? 'play' : 'link'" />
                <span class="item-text">
                  <span class="kind">{{ materialKindKey(material.kind) | t }}</span>
                  <span>{{ material.title }}</span>
                </span>
              </a>
            } @else {
              <span class="material">{{ material.title }}</span>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="meta">{{ 'sessions.noMaterials' | t }}</p>
    }
  `,
  styles: `
    .materials {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .material {
      display: flex;
      align-items: center;
      gap: 12px;
      min-block-size: 48px;
      padding: 4px 0;
    }
    .item-text {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-inline-size: 0;
    }
    .kind {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MaterialList {
  readonly materials = input.required<readonly Material[]>();

  protected readonly lessonKind = MaterialKind.Lesson;
  protected readonly videoKind = MaterialKind.Video;
  protected readonly materialKindKey = materialKindKey;
}
