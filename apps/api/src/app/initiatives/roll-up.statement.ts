/**
 * The weighted roll-up of a focus area's initiatives: sum(weight × progress) / sum(weight),
 * rounded to one decimal, null without initiatives. Paused initiatives count with their progress
 * (the work done stays done; a pause is not a step back). The focus area is `f`; the plans
 * module's public page and annual report read the same expression.
 *
 * Import-free (no runtime imports) so `tools/lib/bare-sql-server.mjs` can import this file
 * directly under Node's type stripping and never hold a copy.
 */
export const ROLL_UP = `(SELECT round(sum(i.weight * i.progress)::numeric / nullif(sum(i.weight), 0), 1)::float8
                    FROM initiatives i WHERE i.focus_area_id = f.id)`;
