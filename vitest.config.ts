import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two projects, so either runs alone (`npx vitest run --project browser`), and both share the workers
    // below: the browser files, which wait on Chromium and the builds they serve, run beside the unit files.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'] } },
    ],
    // Site and review tests spawn real builds and git; they need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Child processes (Eleventy, Pagefind, Chromium) are safer in forked workers than in threads.
    pool: 'forks',
    // vitest's default for `run` is one worker fewer than the cores: on a 2-core machine one worker, and the
    // whole suite ran file after file. Most test time is spent waiting on a child process (a build, a CLI
    // command, Chromium) that does the work on a core of its own, so three workers keep both cores busy.
    maxWorkers: 3,
    // A worker runs its files one after another in one process instead of a new process per file: each file
    // no longer pays for a fresh node and a fresh import of vitest and the modules under test (about 0.4 s of
    // CPU a file, measured over the 45 files that start no process). No test file changes global state
    // another could see: none mocks a module, stubs the environment or changes directory, and the one spy
    // is restored.
    isolate: false,
  },
});
