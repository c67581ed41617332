export * from './lib/roles';
export * from './lib/common';
export * from './lib/auth';
export * from './lib/organisations';
export * from './lib/home';
export * from './lib/courses';
