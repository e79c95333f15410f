// parse5 (used by the sanitiser tests to parse output the way a browser does) ships ESM only.
module.exports = require('../../../jest.base.js')(__dirname, {
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!(parse5@|entities@))'],
});
