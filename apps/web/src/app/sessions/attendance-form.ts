import { computed, signal } from '@angular/core';
import {
  AttendanceStatus,
  type AttendanceRowDto,
  type RecordAttendanceRequest,
} from '@blup/contracts';

/**
 * The facilitator's marks on the attendance screen: one status per participant, starting from
 * what is recorded. Rows arrive a page at a time ("vis flere"); marks made so far are kept.
 */
export class AttendanceForm {
  private readonly rowList = signal<readonly AttendanceRowDto[]>([]);
  private readonly marks = signal<ReadonlyMap<string, AttendanceStatus>>(new Map());
  private readonly saved = signal<ReadonlyMap<string, AttendanceStatus>>(new Map());

  readonly rows = this.rowList.asReadonly();
  /** Participants with a status chosen (recorded or not). */
  readonly markedCount = computed(() => this.marks().size);
  /** Marks that differ from what the API has. */
  readonly changedCount = computed(() => this.changes().length);
  readonly dirty = computed(() => this.changedCount() > 0);

  /** Adds a page of rows; a row already shown keeps the mark made here. */
  add(rows: readonly AttendanceRowDto[]): void {
    const known = new Set(this.rowList().map((row) => row.person.id));
    const fresh = rows.filter((row) => !known.has(row.person.id));
    this.rowList.update((list) => [...list, ...fresh]);
    const recorded = fresh.flatMap((row) =>
      row.status === null ? [] : [[row.person.id, row.status] as const],
    );
    if (recorded.length === 0) return;
    const withStatus = (map: ReadonlyMap<string, AttendanceStatus>) => {
      const next = new Map(map);
      for (const [userId, status] of recorded) if (!next.has(userId)) next.set(userId, status);
      return next;
    };
    this.saved.update(withStatus);
    this.marks.update(withStatus);
  }

  statusOf(userId: string): AttendanceStatus | null {
    return this.marks().get(userId) ?? null;
  }

  set(userId: string, status: AttendanceStatus): void {
    this.marks.update((map) => new Map(map).set(userId, status));
  }

  /** Marks everyone shown and not yet marked as present; keeps absent and excused marks. */
  markRestPresent(): void {
    this.marks.update((map) => {
      const next = new Map(map);
      for (const row of this.rowList())
        if (!next.has(row.person.id)) next.set(row.person.id, AttendanceStatus.Present);
      return next;
    });
  }

  /** What to send: every mark that differs from what the API has. */
  request(): RecordAttendanceRequest {
    return { entries: this.changes() };
  }

  /** After a save: the marks are now what the API has. */
  markSaved(): void {
    this.saved.set(new Map(this.marks()));
  }

  private changes(): RecordAttendanceRequest['entries'] {
    const saved = this.saved();
    return [...this.marks()]
      .filter(([userId, status]) => saved.get(userId) !== status)
      .map(([userId, status]) => ({ userId, status }));
  }
}
