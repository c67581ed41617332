import type { PublicFocusAreaDto, PublicGoalDto } from '@blup/contracts';

/**
 * The parts of the development plan that are not written in it but always current, joined in
 * wherever the plan is shown (the public page, its PDF): the village's goals now, and its focus
 * areas with their weighted roll-up and their initiatives (read by `findPublicPage` in the same
 * statement, with the initiatives module's roll-up expression).
 *
 * What of an initiative is public: title, status, progress, the next milestone and the goals it
 * serves. No people: the contact person and the members (often citizens without an account, with
 * a phone number or e-mail address) stay inside the app, and the SQL never selects them.
 */
export interface PlanLiveParts {
  goals: PublicGoalDto[];
  goalCount: number;
  focusAreas: PublicFocusAreaDto[];
}

export function planLiveParts(
  goals: PublicGoalDto[],
  goalCount: number,
  focusAreas: PublicFocusAreaDto[],
): PlanLiveParts {
  return {
    goals: goals.map((goal) => ({ ...goal, sdgs: goal.sdgs.map(Number) })),
    goalCount,
    focusAreas,
  };
}
