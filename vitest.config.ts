import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Unit and integration files mostly wait (module imports, child servers, sockets, timers), so even
// a 2-core runner gets through them faster with two workers than with Vitest's default of cores − 1.
// The unit and integration projects run in one group, which needs them to share this number.
const waitingWorkers = Math.max(2, availableParallelism() - 1)

const UNIT_TESTS = ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts']
// Unit files that test what a module does the first time it is loaded (the message catalogue
// before its Spanish words arrive): they get modules of their own.
const FRESH_MODULE_TESTS = ['apps/web/src/i18n/messages.test.ts']

// One runner for the whole workspace: unit tests beside the code, cross-package tests in tests/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT_TESTS,
          exclude: [...FRESH_MODULE_TESTS, '**/node_modules/**'],
          environment: 'node',
          maxWorkers: waitingWorkers,
          // Importing the code under test cost more than running it when every file loaded it
          // afresh (about 90 s of imports against 80 s of tests on 2 cores); the files restore
          // what they change (timers, globals), so each worker keeps its modules between files.
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-fresh',
          include: FRESH_MODULE_TESTS,
          environment: 'node',
          maxWorkers: waitingWorkers,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: waitingWorkers,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One file at a time (each starts its own server and Chromium), in one worker that keeps
          // the imported server and helpers between files instead of loading them again for each.
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
