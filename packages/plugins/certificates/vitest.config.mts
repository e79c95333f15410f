import { defineConfig } from 'vitest/config';

// Render tests of the portal part (viewers and editors) in jsdom. The schemas are tested with jest.
export default defineConfig({
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  test: {
    environment: 'jsdom',
    include: ['src/portal/**/*.test.tsx'],
    restoreMocks: true,
  },
});
