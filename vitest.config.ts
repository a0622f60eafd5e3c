import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Site and review tests spawn real builds and git; they need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Child processes (Eleventy, Pagefind, Chromium) are safer in forked workers than in threads.
    pool: 'forks',
  },
});
