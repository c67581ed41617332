import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { roleGuard } from '@blup/web/core';

export const authoringRoutes: Routes = [
  {
    path: '',
    canActivate: [roleGuard(Role.Secretariat)],
    children: [
      {
        path: '',
        title: 'nav.authoring',
        loadComponent: () => import('./authoring-courses.page').then((m) => m.AuthoringCoursesPage),
      },
      {
        path: 'courses/:id',
        title: 'nav.authoring',
        loadComponent: () => import('./course-editor.page').then((m) => m.CourseEditorPage),
      },
      {
        path: 'lessons/:id',
        title: 'authoring.editLesson',
        loadComponent: () => import('./lesson-editor.page').then((m) => m.LessonEditorPage),
      },
    ],
  },
];
