// Shared Jest settings. NestJS 12 ships ESM only, so @swc/jest transforms TypeScript and
// those node_modules to CommonJS (see ../shared/STACK.md, trap 1). Workspace packages are
// resolved through their "source" export condition, so tests never run against stale dist/.
/** @type {(dir: string, extra?: import('jest').Config) => import('jest').Config} */
module.exports = (dir, extra = {}) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.tsx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.[mc]?js$': [
      require.resolve('@swc/jest'),
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // archiver 8 (the certificate ZIP) and its zip-stream chain ship ESM only too.
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!(@nestjs\\+|@electric-sql\\+|uuid@|nanoid@|archiver@|zip-stream@|compress-commons@|crc32-stream@|is-stream@))'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Repeat every failure at the end of the run: CI shows the tail of a long, interleaved log.
  reporters: ['default', ['summary', { summaryThreshold: 0 }]],
  ...extra,
});
