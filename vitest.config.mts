import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The tests that need PostgreSQL: their project's global setup finds or starts one, only when they run. */
const POSTGRES_TESTS = ['tests/integration/hub-store-*.test.ts'];

export default defineConfig({
  // `@shared/…` is `shared/…`, as tsconfig.base.json says.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          exclude: POSTGRES_TESTS,
        },
      },
      {
        extends: true,
        test: { name: 'postgres', include: POSTGRES_TESTS, globalSetup: ['tests/support/postgres-global-setup.ts'] },
      },
    ],
  },
});
