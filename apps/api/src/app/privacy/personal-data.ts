import type { LegalBasis, PersonalDataKind } from '@blup/contracts';
import type { PrivacyConfig } from '../config/app-config';

/**
 * The shape of the registry of personal data (issue 17). Every table that holds data about a
 * person is listed in personal-data-registry.ts with its owner, purpose, legal basis and
 * retention, how its rows tie to a person (links), and what happens to each personal column when
 * that person is erased. Export and erasure are generic over it; a test compares it with the
 * database, so a new table with a person's id, email, name or phone fails until it is listed.
 */

/** How a column ties a row to a subject. */
export type LinkKind =
  /** The column holds a users.id. */
  | 'user'
  /** The column holds an email address (compared case-insensitively). */
  | 'email'
  /** The column holds a panel_subscribers.id (a panel member, found by email). */
  | 'subscriber';

/**
 * What erasure does to a column of a row that belongs to the erased person.
 * - keep: stays (e.g. a user id: the users row it points at is itself anonymised)
 * - null: set to NULL
 * - placeholder: a name becomes "Slettet person", an email a unique `slettet-…@slettet.invalid`,
 *   other text "[slettet]", jsonb `{}`
 * - now: set to the time of erasure (e.g. users.disabled_at)
 */
export type EraseRule = 'keep' | 'null' | 'placeholder' | 'now';

/**
 * What kind of personal data a column holds; decides the placeholder and the export. The
 * privacy notice's kinds, less those of a whole table (`account`, `authorship`): `text` is
 * free text the person wrote or that is about them, `answers` structured answers (jsonb) they
 * gave, `secret` a password or token hash (never exported), `detail` anything else about the
 * person (their locale, a role, a position).
 */
export type ColumnKind = Exclude<PersonalDataKind, 'account' | 'authorship'>;

export interface PersonalColumn {
  kind: ColumnKind;
  erase: EraseRule;
}

/**
 * One way a row ties to a person.
 * - `subject` rows are about the person (their registration, their account): exported whole,
 *   less other links' columns and secrets; on erasure `rows` says what happens.
 * - `author` rows are the person's work for a village (a goal they wrote): the row is the
 *   village's; only the id, the link column and its time are exported, and the link is kept
 *   (it points at the anonymised account) unless `rows` says otherwise.
 */
export interface PersonLink {
  column: string;
  by: LinkKind;
  /** The part the person plays in the row (not a user role): `subject` or `author`. */
  part: 'subject' | 'author';
  /** On erasure: delete the row, or change its `own` columns as `columns` says. */
  rows: 'delete' | 'anonymise';
  /** The columns of the row that belong to this link's person (besides `column`). */
  own?: string[];
  /**
   * The row ties to the person through another table: `column` holds `through.table`'s id, and
   * that row's `through.column` is the person (e.g. a message on a question the person asked).
   */
  through?: { table: string; column: string };
  /** A boolean column that must be false for the row to be the person's (e.g. from_secretariat). */
  unless?: string;
}

export type RetentionKey = keyof PrivacyConfig['retentionDays'];

export interface PersonalTable {
  table: string;
  /** The module that owns the table (docs/architecture.md, "Who writes which table"). */
  owner: string;
  purpose: { da: string; en: string };
  legalBasis: LegalBasis;
  /** How long, in words; `{period}` is filled from the configured period ("2 år", "30 days"). */
  retention: { da: string; en: string; period?: RetentionKey };
  /** Primary key columns (for exports' row identity). */
  key: string[];
  links: PersonLink[];
  /** Every column that holds personal data (link columns of kind email included). */
  columns: Record<string, PersonalColumn>;
}

/**
 * A column that looks personal by its name or its foreign key but is not: each with the reason.
 */
export interface NotPersonal {
  column: string;
  reason: string;
}
