import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from './api-error-message';
import { LoadState } from './load-state';

/**
 * What a page is made of around its own content, as one entry: `imports: [PAGE_PARTS, …]`
 * (its header with buttons and links that carry icons, the loading bar and error, and the `t`
 * pipe).
 */
export const PAGE_PARTS = [
  RouterLink,
  MatButton,
  Icon,
  PageHeader,
  LoadState,
  ApiErrorMessage,
  TranslatePipe,
] as const;
