import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;

/** A village's goals: part of the villages routes (so `villageId` reaches the pages as an input). */
export const villageGoalsRoutes: Routes = [
  {
    path: ':villageId/goals',
    title: 'nav.myGoals',
    canActivate: [roleGuard(...READERS), loadTextSection('goals')],
    loadComponent: () => import('./goals.page').then((m) => m.GoalsPage),
  },
  {
    path: ':villageId/goals/new',
    title: 'nav.myGoals',
    canActivate: [roleGuard(Role.Secretariat, Role.SteeringMember), loadTextSection('goals')],
    loadComponent: () => import('./goal-form.page').then((m) => m.GoalFormPage),
  },
];

/** One goal, under `/goals/:id`. */
export const goalRoutes: Routes = [
  {
    path: ':id',
    title: 'nav.myGoals',
    canActivate: [roleGuard(...READERS), loadTextSection('goals')],
    loadComponent: () => import('./goal.page').then((m) => m.GoalPage),
  },
  {
    path: ':id/edit',
    title: 'nav.myGoals',
    canActivate: [roleGuard(Role.Secretariat, Role.SteeringMember), loadTextSection('goals')],
    loadComponent: () => import('./goal-form.page').then((m) => m.GoalFormPage),
  },
];
