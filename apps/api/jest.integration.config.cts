/**
 * Integration tests: the real API against the real PostgreSQL and Redis on this machine.
 * Each run creates its own database (migrated once) and Redis key prefix, and removes both.
 */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // file-type is ESM only: see test/file-type.ts.
  moduleNameMapper: { '^file-type$': '<rootDir>/test/file-type.ts' },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 1,
};
