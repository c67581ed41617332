import { type Signal, computed, effect, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { FormGroup } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { ErrorCode } from '@blup/contracts';
import { ApiError, I18nService, type TranslationKey } from '@blup/web/core';
import { type Observable, of } from 'rxjs';
import { submitter } from './submitter';

export interface EditFormOptions<T, S extends { id: string }> {
  /** The record's id when editing; undefined when creating. */
  readonly id: Signal<string | undefined>;
  readonly form: FormGroup;
  /** Loads the record to edit. */
  readonly load: (id: string) => Observable<T>;
  /** Puts the loaded record into the form. */
  readonly fill: (existing: T) => void;
  readonly create: () => Observable<S>;
  readonly update: (id: string) => Observable<S>;
  /** The snackbar text after creating; "Saved" after editing. */
  readonly created: TranslationKey;
  /** Where the record's page lives: after saving we go to `[route, saved.id]`. */
  readonly route: string | { after: (saved: S) => unknown[] };
  /** The 409 code when someone else saved the record while the form was open. */
  readonly changed?: ErrorCode;
}

/** What `<blup-edit-form-frame>` needs of an `editForm(…)`. */
export interface EditFormState {
  readonly existing: { isLoading(): boolean; error(): unknown };
  readonly submitter: { busy(): boolean; error(): unknown };
  /** True when editing a record, false when creating one. */
  readonly editing: Signal<boolean>;
  save(): void;
}

/**
 * The flow a create/edit page shares: load the record when editing and fill the form,
 * then on submit create or update, say so in a snackbar and open the saved record.
 * Create it in a field initializer, after the form.
 */
export function editForm<T, S extends { id: string }>(options: EditFormOptions<T, S>) {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  const i18n = inject(I18nService);
  const existing = rxResource({
    params: () => options.id(),
    stream: ({ params }) => (params ? options.load(params) : of(null)),
  });
  effect(() => {
    const record = existing.hasValue() ? existing.value() : null;
    if (record) options.fill(record);
  });
  const submit = submitter();
  const { route } = options;
  return {
    existing,
    submitter: submit,
    editing: computed(() => !!options.id()),
    /** Someone saved the record while this form was open (the 409 `changed`). */
    changedMeanwhile: computed(() => {
      const error = submit.error();
      return error instanceof ApiError && error.code === options.changed;
    }),
    /** Loads their version into the form, after a 409, to add one's change to it. */
    loadTheirVersion(): void {
      submit.error.set(null);
      existing.reload();
    },
    save(): void {
      const id = options.id();
      submit.run(
        options.form,
        () => (id ? options.update(id) : options.create()),
        (saved) => {
          snackBar.open(i18n.t(id ? 'common.saved' : options.created), undefined, {
            duration: 4000,
          });
          void router.navigate(typeof route === 'string' ? [route, saved.id] : route.after(saved));
        },
      );
    },
  };
}
