import { computed, effect, inject, signal, untracked, type ResourceRef } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ErrorCode, type DocumentConflict, type VillageDocumentDto } from '@blup/contracts';
import { ApiError, I18nService, type TranslationKey } from '@blup/web/core';
import type { Observable } from 'rxjs';
import { submitter } from '../shared/submitter';

/**
 * What the wheel and the report pages share around their loaded document: whether there are
 * unsaved changes, save and publish through one submitter, and a 409 turned into the version
 * someone saved in between, with "keep mine" (the next save goes on top of theirs) or reload.
 * Create it in a field initializer, after the page's resource.
 */
export class DocumentDraft<C> {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly document = computed(() => (this.doc.hasValue() ? (this.doc.value() ?? null) : null));
  readonly dirty = signal(false);
  readonly submit = submitter();
  /** Someone saved while this person edited (409): theirs, to compare with what is here. */
  readonly conflict = computed(() => {
    const error = this.submit.error();
    return error instanceof ApiError && error.code === ErrorCode.DocumentChanged
      ? (error.current as DocumentConflict<C>)
      : null;
  });
  /** After "keep mine": the revision saved in between, so the next save goes on top of it. */
  private readonly baseRevision = signal<number | null>(null);

  /** @param fill takes the content of each document loaded or saved (null before one is). */
  constructor(
    private readonly doc: ResourceRef<VillageDocumentDto<C> | undefined>,
    fill: (document: VillageDocumentDto<C> | null) => void,
  ) {
    effect(() => {
      const d = this.document();
      untracked(() => {
        fill(d);
        this.dirty.set(false);
        this.baseRevision.set(null);
      });
    });
  }

  /** The revision the next write goes on top of. */
  revisionOf(d: VillageDocumentDto<C>): number {
    return this.baseRevision() ?? d.revision;
  }

  keepMine(revision: number): void {
    this.baseRevision.set(revision);
    this.submit.error.set(null);
  }

  reload(): void {
    this.submit.error.set(null);
    this.doc.reload();
  }

  /** Saves on top of the revision written from, and says so with `savedKey`. */
  save(
    send: (revision: number) => Observable<VillageDocumentDto<C>>,
    savedKey: TranslationKey,
  ): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () => send(this.revisionOf(d)),
      (saved) => {
        this.doc.set(saved);
        this.snackBar.open(this.i18n.t(savedKey), undefined, { duration: 4000 });
      },
    );
  }

  publish(send: (revision: number) => Observable<VillageDocumentDto<C>>): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () => send(d.revision),
      (saved) => this.doc.set(saved),
    );
  }
}
