import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';

@Component({
  selector: 'blup-not-found-page',
  imports: [RouterLink, MatButton, Notice, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-notice
      icon="search"
      data-testid="not-found"
      [level]="1"
      [heading]="'notFound.title' | t"
      [message]="'notFound.text' | t"
    >
      <a matButton="filled" routerLink="/">{{ 'notFound.home' | t }}</a>
    </blup-notice>
  `,
})
export class NotFoundPage {}
