import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,shared,server,renderer,test}/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
