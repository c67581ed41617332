import { computed, inject, signal, type Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  ErrorCode,
  type DocumentConflict,
  type DocumentKind,
  type VillageDocumentDto,
} from '@blup/contracts';
import { ApiError, I18nService, PlansApi } from '@blup/web/core';
import type { Observable } from 'rxjs';

/**
 * The state an editor of a living document shares, whatever its kind: the document as loaded,
 * the content being written, the revision it was written from, and save, publish and take-down
 * with the 409 turned into a conflict to show beside one's own version.
 */
export class DocumentEditor<C> {
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18nService);

  readonly doc = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.api.document<C>(params, this.kind),
  });
  /** What is being written, null until loaded. */
  readonly content = signal<C | null>(null);
  /** The revision the content was written from: sent with the next save. */
  readonly revision = signal(0);
  readonly dirty = signal(false);
  readonly busy = signal(false);
  readonly error = signal<unknown>(null);
  /** Said after an action, in a live region. */
  readonly notice = signal<string | null>(null);
  /** Set after a 409: what someone else saved in between. */
  readonly conflict = signal<DocumentConflict<C> | null>(null);
  /** The document as last answered by the API (load, save, publish). */
  readonly current = signal<VillageDocumentDto<C> | null>(null);
  /** Changes whenever the versions and history should be read again. */
  readonly stamp = computed(() => {
    const doc = this.current();
    return doc ? `${doc.revision}:${doc.published?.version ?? 0}:${doc.published === null}` : '';
  });

  constructor(
    private readonly villageId: Signal<string>,
    readonly kind: DocumentKind,
  ) {}

  /** Call from an effect: takes the loaded document once. */
  adopt(): void {
    if (!this.doc.hasValue() || this.current()) return;
    this.take(this.doc.value());
  }

  edit(content: C): void {
    this.content.set(content);
    this.dirty.set(true);
    this.notice.set(null);
  }

  save(): void {
    const content = this.content();
    if (content === null) return;
    this.run(
      this.api.saveDraft<C>(this.villageId(), this.kind, { content, revision: this.revision() }),
      () => this.i18n.t('plans.saved'),
    );
  }

  publish(): void {
    this.run(this.api.publish<C>(this.villageId(), this.kind, this.revision()), (doc) =>
      this.i18n.t('plans.publishedNow', { version: doc.published?.version ?? '' }),
    );
  }

  unpublish(): void {
    this.run(this.api.unpublish<C>(this.villageId(), this.kind), () =>
      this.i18n.t('plans.unpublishedNow'),
    );
  }

  /** Keep what I wrote: it now stands on top of theirs, and the next save sends it. */
  keepMine(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.revision.set(conflict.revision);
    this.conflict.set(null);
    this.error.set(null);
    this.dirty.set(true);
    this.notice.set(this.i18n.t('plans.keepMineDone'));
  }

  /** Take what they saved: mine is dropped. */
  takeTheirs(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.content.set(conflict.content);
    this.revision.set(conflict.revision);
    this.conflict.set(null);
    this.error.set(null);
    this.dirty.set(false);
    this.notice.set(null);
  }

  private run(
    call: Observable<VillageDocumentDto<C>>,
    said: (doc: VillageDocumentDto<C>) => string,
  ): void {
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    call.subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.take(doc);
        this.notice.set(said(doc));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (
          error instanceof ApiError &&
          error.code === ErrorCode.DocumentChanged &&
          error.current
        ) {
          this.conflict.set(error.current as DocumentConflict<C>);
          return;
        }
        this.error.set(error);
      },
    });
  }

  private take(doc: VillageDocumentDto<C>): void {
    this.current.set(doc);
    this.content.set(doc.content);
    this.revision.set(doc.revision);
    this.dirty.set(false);
  }
}
