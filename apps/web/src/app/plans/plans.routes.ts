import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;

/** A village's plan and story: part of the villages routes (so `villageId` is an input). */
export const villagePlanRoutes: Routes = [
  {
    path: ':villageId/plan',
    title: 'plans.planLink',
    canActivate: [
      roleGuard(...READERS),
      loadTextSection('plans'),
      loadTextSection('goals'),
      loadTextSection('initiatives'),
    ],
    loadComponent: () => import('./plan-editor.page').then((m) => m.PlanEditorPage),
  },
  {
    path: ':villageId/story',
    title: 'plans.storyLink',
    canActivate: [roleGuard(...READERS), loadTextSection('plans')],
    loadComponent: () => import('./story-editor.page').then((m) => m.StoryEditorPage),
  },
];

/** `/landsby/:slug`: the village's public page, outside the signed-in shell. */
export const publicPlanRoutes: Routes = [
  {
    path: ':slug',
    title: 'plans.planLink',
    canActivate: [
      loadTextSection('plans'),
      loadTextSection('goals'),
      loadTextSection('initiatives'),
      loadTextSection('wheel'),
    ],
    loadComponent: () => import('./public-plan.page').then((m) => m.PublicPlanPage),
  },
];
