import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Unit and integration files mostly wait (module imports, child servers, sockets, timers), so even
// a 2-core runner gets through them faster with two workers than with Vitest's default of cores − 1.
// Both projects run in one group, which needs them to share this number.
const waitingWorkers = Math.max(2, availableParallelism() - 1)

// One runner for the whole workspace: unit tests beside the code, cross-package tests in tests/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
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
