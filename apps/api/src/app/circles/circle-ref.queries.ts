import type { CircleRef } from '../access/circle-access-policy';

/**
 * The circle facts the access policy needs beyond the circle's own `kind` and `village_id`, as
 * SQL columns: use with the circle aliased `c` and its village `LEFT JOIN`ed as `v`, and read the
 * row back with `circleRefOf`.
 */
export const CIRCLE_REF_COLUMNS = `v.municipality_id AS village_municipality_id,
       ARRAY(SELECT DISTINCT cv.municipality_id FROM villages cv
              WHERE cv.cohort_id = c.cohort_id) AS cohort_municipality_ids`;

/** The columns `CIRCLE_REF_COLUMNS` (and the circle's `village_id`) give back. */
export interface CircleRefColumns {
  village_id: string | null;
  village_municipality_id: string | null;
  cohort_municipality_ids: string[] | null;
}

/** The circle's facts for the access policy from a row that selected `CIRCLE_REF_COLUMNS`. */
export function circleRefOf(kind: CircleRef['kind'], row: CircleRefColumns): CircleRef {
  return {
    kind,
    villageId: row.village_id,
    villageMunicipalityId: row.village_municipality_id,
    cohortMunicipalityIds: row.cohort_municipality_ids ?? [],
  };
}
