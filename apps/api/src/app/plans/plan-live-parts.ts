import type { PublicGoalDto } from '@blup/contracts';
import type { PublicGoalRow } from './plans.queries';

/**
 * The parts of the development plan that are not written in it but always current, joined in
 * wherever the plan is shown (the public page, its PDF): the village's goals now.
 *
 * INITIATIVES JOIN HERE. The `initiatives` module (tables `initiatives`, `focus_areas`) is built
 * in parallel; when it lands, add `initiatives` (grouped by focus area) to `PlanLiveParts`, read
 * them in `findPublicPage` (plans.queries.ts) beside the goals, and draw them in
 * `writePlanPdf` and the public page (`apps/web/src/app/plans/public-plan.page.ts`).
 */
export interface PlanLiveParts {
  goals: PublicGoalDto[];
  goalCount: number;
}

export function planLiveParts(goals: PublicGoalRow[], goalCount: number): PlanLiveParts {
  return { goals: goals.map((goal) => ({ ...goal, sdgs: goal.sdgs.map(Number) })), goalCount };
}
