import { defineConfig, type Project } from '@playwright/test';
import {
  chromiumPath,
  describePlan,
  electronPath,
  projectPlan,
  CHROMIUM_ARGS,
} from './e2e/targets.ts';

const chromium = chromiumPath();
const electron = electronPath();
if (!chromium && !electron) {
  // Never let an e2e run pass by running nothing.
  throw new Error(
    'No browser for the end-to-end tests: install Debian Chromium (apt-get install chromium) ' +
      'or set QUIRE_CHROMIUM, or install the Electron binary (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD).',
  );
}

// QUIRE_WEB_PORT lets two checkouts run their end-to-end tests side by side.
const WEB_PORT = Number(process.env.QUIRE_WEB_PORT ?? 4173);
const projects: Project[] = [];
if (chromium) {
  projects.push({
    name: 'web',
    use: {
      baseURL: `http://127.0.0.1:${WEB_PORT}/`,
      launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
      permissions: ['clipboard-read', 'clipboard-write'],
    },
  });
}
if (electron) projects.push({ name: 'electron', metadata: { electron } });

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./e2e/projects-reporter.ts']],
  metadata: { projectPlan: describePlan(projectPlan(chromium, electron)) },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects,
  webServer: chromium
    ? {
        command: `npx vite preview --config vite.web.config.ts --port ${WEB_PORT} --strictPort`,
        url: `http://127.0.0.1:${WEB_PORT}/`,
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
      }
    : undefined,
});
