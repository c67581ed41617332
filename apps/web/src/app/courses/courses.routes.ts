import type { Routes } from '@angular/router';

export const coursesRoutes: Routes = [
  {
    path: '',
    title: 'nav.courses',
    loadComponent: () => import('./courses.page').then((m) => m.CoursesPage),
  },
  {
    path: ':id',
    title: 'nav.courses',
    loadComponent: () => import('./course.page').then((m) => m.CoursePage),
  },
];

export const lessonsRoutes: Routes = [
  {
    path: ':id',
    title: 'nav.courses',
    loadComponent: () => import('./lesson.page').then((m) => m.LessonPage),
  },
];
