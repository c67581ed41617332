import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18nService, type TranslationKey } from '@blup/web/core';
import { ConfirmDialog, type ConfirmDialogData } from '@blup/web/ui';
import { type Observable, filter, switchMap } from 'rxjs';

export interface ConfirmActionOptions<T> {
  /** The question, in the page's own words. */
  readonly ask: ConfirmDialogData;
  /** What to do once the user confirms. */
  readonly act: () => Observable<T>;
  /** The snackbar text once it is done. */
  readonly done: TranslationKey;
  /** After the snackbar, e.g. reload what changed. */
  readonly then: (value: T) => void;
  /** When `act` fails. */
  readonly failed: (error: unknown) => void;
}

/**
 * The flow for something hard to undo: ask in the confirm dialog and, when confirmed, act, say
 * so in a snackbar and carry on. Create it in a field initializer:
 * `private readonly confirm = confirmAction();`, then `this.confirm({ ask, act, done, ... })`.
 */
export function confirmAction(): <T>(options: ConfirmActionOptions<T>) => void {
  const dialog = inject(MatDialog);
  const snackBar = inject(MatSnackBar);
  const i18n = inject(I18nService);
  return (options) => {
    dialog
      .open(ConfirmDialog, { data: options.ask })
      .afterClosed()
      .pipe(
        filter(Boolean),
        switchMap(() => options.act()),
      )
      .subscribe({
        next: (value) => {
          snackBar.open(i18n.t(options.done), undefined, { duration: 4000 });
          options.then(value);
        },
        error: options.failed,
      });
  };
}
