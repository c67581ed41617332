import { SURVEY_LIMITS, type SurveyAnswerValue } from '@blup/contracts';

/**
 * What this device keeps for one questionnaire, in localStorage under the link's token: the
 * half-filled answers (so reopening the link goes on where it stopped), the device's own random
 * key for the soft one-answer-per-device guard, and whether an answer was sent from here.
 * Nothing leaves the device until the respondent sends.
 */

export const SURVEY_STORAGE_PREFIX = 'blup.survey.';

/** Answers on their way: one respondent's, until sent. */
export interface SurveyDraft {
  /** Made here once; the API answers the same receipt when it is sent again. */
  responseId: string;
  /** Index into the questionnaire's pages. */
  page: number;
  answers: Record<string, SurveyAnswerValue>;
  /** Personal-data questions whose consent box is ticked. */
  consents: string[];
  /** Someone else on a phone that already answered. */
  anotherPerson: boolean;
  personalKey: string | null;
}

export interface StoredSurvey {
  deviceKey: string;
  draft: SurveyDraft | null;
  /** The last answer sent from this device. */
  submitted: { at: string; responseId: string; personalKey: string | null } | null;
}

/** A random UUID (v4), also where `crypto.randomUUID` is missing (plain http on a LAN). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newDraft(
  personalKey: string | null = null,
  anotherPerson = false,
  makeId: () => string = newId,
): SurveyDraft {
  return { responseId: makeId(), page: 0, answers: {}, consents: [], anotherPerson, personalKey };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

function readDraft(value: unknown): SurveyDraft | null {
  if (!isObject(value)) return null;
  const { responseId, page, answers, consents, anotherPerson, personalKey } = value;
  if (
    typeof responseId !== 'string' ||
    typeof page !== 'number' ||
    !Number.isInteger(page) ||
    page < 0 ||
    !isObject(answers) ||
    !Array.isArray(consents) ||
    !consents.every((id) => typeof id === 'string') ||
    !isStringOrNull(personalKey ?? null)
  ) {
    return null;
  }
  return {
    responseId,
    page,
    answers: answers as Record<string, SurveyAnswerValue>,
    consents: consents as string[],
    anotherPerson: anotherPerson === true,
    personalKey: (personalKey as string | null | undefined) ?? null,
  };
}

function readSubmitted(value: unknown): StoredSurvey['submitted'] {
  if (!isObject(value)) return null;
  const { at, responseId, personalKey } = value;
  if (typeof at !== 'string' || typeof responseId !== 'string') return null;
  return { at, responseId, personalKey: isStringOrNull(personalKey) ? personalKey : null };
}

function validDeviceKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= SURVEY_LIMITS.deviceKeyMinLength &&
    value.length <= SURVEY_LIMITS.deviceKeyMaxLength
  );
}

/**
 * What this device holds for the token; a fresh record (with a new device key) when it holds
 * nothing, something unreadable, or storage is off (private browsing that refuses it).
 */
export function readSurvey(
  storage: Storage | null,
  token: string,
  makeId: () => string = newId,
): StoredSurvey {
  let parsed: unknown = null;
  try {
    const text = storage?.getItem(SURVEY_STORAGE_PREFIX + token);
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const stored = isObject(parsed) ? parsed : {};
  return {
    deviceKey: validDeviceKey(stored['deviceKey']) ? stored['deviceKey'] : makeId(),
    draft: readDraft(stored['draft']),
    submitted: readSubmitted(stored['submitted']),
  };
}

/** Writes the record; false when the browser refused (full, or storage switched off). */
export function writeSurvey(storage: Storage | null, token: string, state: StoredSurvey): boolean {
  try {
    if (!storage) return false;
    storage.setItem(SURVEY_STORAGE_PREFIX + token, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/** After a receipt: the answers are gone from the device, the device key and the mark stay. */
export function markSubmitted(state: StoredSurvey, at: string): StoredSurvey {
  return {
    deviceKey: state.deviceKey,
    draft: null,
    submitted: state.draft
      ? { at, responseId: state.draft.responseId, personalKey: state.draft.personalKey }
      : state.submitted,
  };
}

/**
 * Whether opening the link should say "you have already answered": an answer was sent from
 * here, and no one has started a new one since; a different personal link is a new person.
 */
export function alreadyAnswered(state: StoredSurvey, personalKey: string | null): boolean {
  if (!state.submitted || state.draft) return false;
  return !personalKey || personalKey === state.submitted.personalKey;
}

/** The browser's localStorage, or null where reading it throws (some privacy settings). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
