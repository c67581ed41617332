/**
 * Personal data (issue 17): a registry of every table and column that holds data about a person,
 * exports of everything held about one person, erasure after a cool-off, and retention.
 *
 * A subject is whose data it is: a person with an account (`user`), or somebody known only by an
 * email address (`email`: a citizen-panel member, a guest at a gathering, a helper on an idea).
 */
export type PrivacySubjectKind = 'user' | 'email';

/** Why the platform may hold the data (GDPR art. 6). */
export type LegalBasis = 'contract' | 'consent' | 'legitimate_interest' | 'public_task';

export const PRIVACY_LIMITS = {
  /** Days between asking for erasure and the erasure itself; it can be undone until then. */
  erasureCoolOffDays: 14,
  /** Hours an export's download link works. */
  exportLinkHours: 72,
  /** Exports one person may start in a day. */
  exportsPerDay: 5,
} as const;

/** What kind of data about a person a table holds, for the privacy notice to say in words. */
export type PersonalDataKind =
  | 'account'
  | 'name'
  | 'email'
  | 'phone'
  | 'ip'
  | 'device'
  | 'text'
  | 'answers'
  | 'secret'
  | 'detail'
  | 'authorship';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'account',
  'name',
  'email',
  'phone',
  'ip',
  'device',
  'text',
  'answers',
  'secret',
  'detail',
  'authorship',
];

/** One table in the registry, as the privacy notice shows it. */
export interface PersonalDataTableDto {
  table: string;
  /** The module that owns the table. */
  owner: string;
  /** What the data is for, in Danish and English. */
  purpose: { da: string; en: string };
  legalBasis: LegalBasis;
  /** How long it is kept, in words (periods from the configuration filled in). */
  retention: { da: string; en: string };
  /** The columns that hold data about a person. */
  columns: string[];
  /** The same in kinds (in PERSONAL_DATA_KINDS order), for people rather than developers. */
  kinds: PersonalDataKind[];
}

export interface PersonalDataRegistryDto {
  tables: PersonalDataTableDto[];
  /** The retention periods in force, in days, by name (see docs/architecture.md). */
  retentionDays: Record<string, number>;
  /** How to reach the secretariat (SECRETARIAT_EMAIL, SECRETARIAT_PHONE); null when not set. */
  contact: { email: string | null; phone: string | null };
}

export enum PrivacyExportStatus {
  Queued = 'queued',
  Running = 'running',
  Ready = 'ready',
  Failed = 'failed',
  Expired = 'expired',
}

export interface PrivacyExportDto {
  id: string;
  subjectKind: PrivacySubjectKind;
  /** The person's name or the email address, for the secretariat's list; null once erased. */
  subjectLabel: string | null;
  status: PrivacyExportStatus;
  /** 0–100 while queued or running. */
  progress: number;
  /** Who asked: the person themselves, or a secretariat member for them (null once erased). */
  requestedById: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the link stops working. */
  expiresAt: string | null;
  /** Size of the zip in bytes, when ready. */
  sizeBytes: number | null;
  /** The signed download address, when ready and not expired (valid until expiresAt). */
  downloadUrl: string | null;
}

/** POST /api/privacy/exports (secretariat): for a person with an account, or an email address. */
export interface CreatePrivacyExportRequest {
  userId?: string;
  email?: string;
}

export enum ErasureState {
  /** Asked; erased by itself at eraseAfter unless undone or approved sooner. */
  CoolingOff = 'cooling_off',
  /** Approved by the secretariat; the worker erases next. */
  Approved = 'approved',
  Running = 'running',
  Done = 'done',
  /** Stopped part-way; re-running finishes what it left. */
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export interface ErasureRequestDto {
  id: string;
  subjectKind: PrivacySubjectKind;
  /** The person with an account; null for an email subject and once erased. */
  userId: string | null;
  /** Name or email address while the request is open; null once erased or cancelled. */
  subjectLabel: string | null;
  state: ErasureState;
  reason: string | null;
  requestedById: string | null;
  requestedAt: string;
  /** When the erasure happens by itself. */
  eraseAfter: string;
  approvedById: string | null;
  approvedAt: string | null;
  finishedAt: string | null;
  /** Steps done so far, in order (their names, never the erased data). */
  stepsDone: number;
  stepsTotal: number;
  lastError: string | null;
}

/** POST /api/privacy/erasure-requests (secretariat, for someone who asked by mail or phone). */
export interface CreateErasureRequest {
  userId?: string;
  email?: string;
  reason?: string;
}

/** POST /api/me/privacy/erasure */
export interface AskErasureRequest {
  reason?: string;
}

/** One line of the erasure audit log: what was done, never to whom beyond the request's id. */
export interface ErasureAuditEntryDto {
  id: string;
  requestId: string;
  /** e.g. requested, approved, cancelled, step:users, step:sessions, done, failed. */
  event: string;
  /** Rows changed by a step. */
  rows: number | null;
  actorId: string | null;
  at: string;
  error: string | null;
}

export const PRIVACY_ERASURE_STATES = /* @__PURE__ */ Object.values(
  ErasureState,
) as readonly ErasureState[];

/** GET /api/me/privacy/erasure: the person's open (or last) erasure request, if any. */
export interface MyErasureDto {
  request: ErasureRequestDto | null;
  coolOffDays: number;
}

/**
 * POST /api/panel/preferences/erase: a citizen-panel member erases themselves from the
 * preferences link (no account, so no cool-off: it happens at once).
 */
export interface PanelEraseRequest {
  token: string;
}

export interface PanelEraseResponse {
  erased: true;
}
