import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Injectable, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type CourseModuleDto } from '@blup/contracts';
import { CoursesApi, I18nService } from '@blup/web/core';
import { ConfirmDialog, type ConfirmDialogData } from '@blup/web/ui';
import { type Observable, firstValueFrom } from 'rxjs';

/**
 * The course that `CourseEditorPage` and its parts (details form, module list, lessons) edit
 * together: loaded once, reloaded after each change, with one error shown at the top of the page.
 * Provided by the page, which sets `id` from its route.
 */
@Injectable()
export class CourseEditing {
  private readonly api = inject(CoursesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);

  readonly id = signal<string | undefined>(undefined);
  readonly course = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.course(params),
  });
  /** Shown at once when reordered; the course is loaded again if the API disagrees. */
  readonly modules = linkedSignal<CourseModuleDto[]>(() =>
    this.course.hasValue() ? this.course.value().modules : [],
  );
  /** The module whose new-lesson form is open (one at a time). */
  readonly addingLessonTo = signal<string | null>(null);
  /** The failure of the last call made without a form. */
  readonly error = signal<unknown>(null);

  reload(): void {
    this.course.reload();
  }

  /** A call without a form: its failure is shown at the top, and the course loaded again. */
  request<T>(call: Observable<T>, done?: (value: T) => void): void {
    this.error.set(null);
    call.subscribe({
      next: (value) => done?.(value),
      error: (error: unknown) => {
        this.error.set(error);
        this.course.reload();
      },
    });
  }

  /** Asks before deleting, then deletes, says so and loads the course again. */
  async delete(message: string, call: () => Observable<unknown>): Promise<void> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('authoring.delete'),
      message,
      confirm: this.i18n.t('authoring.delete'),
      cancel: this.i18n.t('common.cancel'),
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      maxWidth: 'calc(100vw - 16px)',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    this.request(call(), () => {
      this.toast('authoring.deleted');
      this.course.reload();
    });
  }

  announceMove(title: string, index: number): void {
    void this.announcer.announce(this.i18n.t('authoring.moved', { title, position: index + 1 }));
  }

  toast(key: 'common.saved' | 'authoring.deleted'): void {
    this.snackBar.open(this.i18n.t(key), undefined, { duration: 4000 });
  }
}
