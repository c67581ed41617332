export * from './lib/icon';
export * from './lib/page-header';
export * from './lib/notice';
export * from './lib/error-message';
export * from './lib/paginator';
export * from './lib/search-field';
export * from './lib/confirm-dialog';
export * from './lib/percent-bar';
