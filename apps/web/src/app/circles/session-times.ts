import { FormControl, Validators } from '@angular/forms';
import { SESSION_LIMITS } from '@blup/contracts';
import { copenhagenParts, copenhagenToIso, minutesBetween } from './copenhagen-time';

/**
 * The time part of the session forms (one session, one planned slot, the planner): date, start
 * time and length in Danish time on the form; start and end as ISO instants for the API.
 */

/** `HH:mm`, what a time field must hold. */
export const TIME_PATTERN = /^\d{2}:\d{2}$/;

export interface SessionSpan {
  startsAt: string;
  endsAt: string;
}

/** What the form shows of a session's time. */
export interface SessionTimeFields {
  /** `YYYY-MM-DD`, Danish date. */
  date: string;
  /** `HH:mm`, Danish time. */
  time: string;
  durationMinutes: number;
}

/** The form's date, start time and length of a session that runs from `startsAt` to `endsAt`. */
export function sessionTimeFields(span: SessionSpan): SessionTimeFields {
  const { date, time } = copenhagenParts(span.startsAt);
  return { date, time, durationMinutes: minutesBetween(span.startsAt, span.endsAt) };
}

/**
 * Start and end as ISO instants, each with the Copenhagen offset of its own date; '' where the
 * date or time cannot be read (the API then says what is wrong).
 */
export function sessionSpan(date: string, time: string, durationMinutes: number): SessionSpan {
  return {
    startsAt: copenhagenToIso(date, time) ?? '',
    endsAt: copenhagenToIso(date, time, durationMinutes) ?? '',
  };
}

/** Whether `span` starts or ends at another instant than `before`. */
export function spanMoved(span: SessionSpan, before: SessionSpan): boolean {
  return (
    Date.parse(span.startsAt) !== Date.parse(before.startsAt) ||
    Date.parse(span.endsAt) !== Date.parse(before.endsAt)
  );
}

/** The date, time and length controls of a session form; a session lasts `minMinutes` at least. */
export function sessionTimeControls(value: SessionTimeFields, minMinutes: number) {
  return {
    date: new FormControl(value.date, { nonNullable: true, validators: Validators.required }),
    time: new FormControl(value.time, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME_PATTERN)],
    }),
    durationMinutes: new FormControl(value.durationMinutes, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(minMinutes),
        Validators.max(SESSION_LIMITS.durationMinutes),
      ],
    }),
  };
}

/** Puts an API message about `startsAt`/`endsAt` on the given control (our form has date and time). */
export function mapTimeDetails(
  control: { setErrors(e: Record<string, unknown>): void; markAsTouched(): void; errors: unknown },
  error: unknown,
): void {
  const details = (error as { details?: Record<string, string[]> } | null)?.details ?? {};
  const messages = [...(details['startsAt'] ?? []), ...(details['endsAt'] ?? [])];
  if (messages.length) {
    control.setErrors({ ...(control.errors as object), server: messages.join(' ') });
    control.markAsTouched();
  }
}
