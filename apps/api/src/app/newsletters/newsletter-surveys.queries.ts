import type { SurveyPurpose } from '@blup/contracts';
import type { EntityManager } from 'typeorm';

/** A village's open questionnaire, as a survey block links it. */
export interface OpenSurveyRow {
  village_id: string;
  purpose: SurveyPurpose;
  id: string;
  title: string;
  public_token: string;
}

/**
 * Per village and purpose, the newest survey that takes answers now (open, opened, not past its
 * closing time): what the survey blocks of a newsletter link. Reads the surveys module's table.
 */
export async function openSurveys(
  em: EntityManager,
  villageIds: readonly string[],
  purposes: readonly SurveyPurpose[],
): Promise<OpenSurveyRow[]> {
  if (!villageIds.length || !purposes.length) return [];
  return em.query<OpenSurveyRow[]>(
    `SELECT DISTINCT ON (village_id, purpose) village_id, purpose, id, title, public_token
       FROM surveys
      WHERE village_id = ANY($1::uuid[]) AND purpose = ANY($2::text[]) AND status = 'open'
        AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())
      ORDER BY village_id, purpose, created_at DESC, id`,
    [villageIds, purposes],
  );
}
