import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // electron downloads its binary on first import; every unit test must mock it
    alias: { electron: new URL('./test/support/electron-mock.ts', import.meta.url).pathname },
    testTimeout: 20000,
  },
});
