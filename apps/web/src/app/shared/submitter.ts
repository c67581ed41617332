import { ElementRef, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { type Observable, finalize } from 'rxjs';
import { readyToSubmit, showFieldErrors } from './forms';

/**
 * The submit state every form shares: checks the form (showing and focusing what is wrong),
 * sends once at a time, and keeps the failure for `<blup-api-error>`.
 * Create it in a field initializer: `protected readonly submit = submitter();`
 */
export class Submitter {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly busy = signal(false);
  readonly error = signal<unknown>(null);

  /**
   * @param form    checked first; null for a plain button with nothing to fill in.
   * @param failed  handles an error itself when it returns true (e.g. an expired link);
   *                otherwise the error is shown and its field messages put on the form.
   */
  run<T>(
    form: FormGroup | null,
    request: () => Observable<T>,
    done: (value: T) => void,
    failed?: (error: unknown) => boolean,
  ): void {
    if (this.busy() || (form && !readyToSubmit(form, this.host))) return;
    this.busy.set(true);
    this.error.set(null);
    request()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: done,
        error: (error: unknown) => {
          if (failed?.(error)) return;
          this.error.set(error);
          if (form) showFieldErrors(form, error);
        },
      });
  }
}

export function submitter(): Submitter {
  return new Submitter();
}
