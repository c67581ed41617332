import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;

/** A village's idea lists: part of the villages routes (full paths, so `villageId` binds). */
export const villageIdeasRoutes: Routes = [
  {
    path: ':villageId/ideas',
    title: 'villages.ideas',
    canActivate: [roleGuard(...READERS), loadTextSection('ideas')],
    loadComponent: () => import('./idea-lists.page').then((m) => m.IdeaListsPage),
  },
];

/** One idea list with its live ranking, under `/ideas/:id`. */
export const ideaRoutes: Routes = [
  {
    path: ':id',
    title: 'villages.ideas',
    canActivate: [roleGuard(...READERS), loadTextSection('ideas')],
    loadComponent: () => import('./idea-list.page').then((m) => m.IdeaListPage),
  },
];

/** The public voting page at a short address for posters: `/stem/:token`. */
export const voteRoutes: Routes = [
  {
    path: ':token',
    title: 'villages.ideas',
    canActivate: [loadTextSection('ideas')],
    loadComponent: () => import('./vote.page').then((m) => m.VotePage),
  },
];
