// Three projects: pure unit tests, server integration tests on a real database, and browser
// end-to-end tests. Tests run with TZ=UTC (set in the npm scripts) so China-time code is honest.
// testTimeout is a global option in Jest 29 (ignored, with a warning, inside a project): 60 s here,
// raised for the browser tests by --testTimeout in the test:e2e script.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } }];
const moduleNameMapper = {
  '^@domain$': '<rootDir>/domain/index.ts',
  '^@domain/(.*)$': '<rootDir>/domain/$1',
  '^@/(.*)$': '<rootDir>/src/$1',
};
const common = { rootDir: __dirname, transform: { '^.+\\.(t|j)sx?$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/count-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/domain/**/*.test.ts', '<rootDir>/test/app/**/*.test.ts?(x)'] },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/test/server/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // The WeChat build in a mini-program simulator: the view layer needs a DOM (jsdom); the app
    // code runs in its own vm context without one (test/weapp/README.md).
    { ...common, displayName: 'weapp', testEnvironment: '<rootDir>/test/weapp/support/environment.js', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
  ],
};
