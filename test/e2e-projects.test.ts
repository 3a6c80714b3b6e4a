import { describe, expect, it } from 'vitest';
import { describePlan, projectPlan } from '../e2e/targets.ts';

// The Playwright run prints this plan first and last (e2e/projects-reporter.ts).
describe('the end-to-end project plan', () => {
  it('names both projects and where each runs when both are there', () => {
    expect(describePlan(projectPlan('/usr/bin/chromium', '/opt/electron/electron'))).toEqual([
      'e2e project web: runs in Chromium at /usr/bin/chromium',
      'e2e project electron: runs in Electron at /opt/electron/electron',
    ]);
  });

  it('says loudly that Electron was skipped without its binary, and how to run it', () => {
    const lines = describePlan(projectPlan('/usr/bin/chromium', null));
    expect(lines[0]).toBe('e2e project web: runs in Chromium at /usr/bin/chromium');
    expect(lines[1]).toMatch(/^e2e project electron: SKIPPED, no binary .*npm run test:electron$/u);
  });

  it('says why the web project is missing without Chromium', () => {
    expect(describePlan(projectPlan(null, '/e/electron'))).toEqual([
      'e2e project electron: runs in Electron at /e/electron',
      'e2e project web: SKIPPED, no Chromium (apt-get install chromium, or set QUIRE_CHROMIUM)',
    ]);
  });
});
