import type { FullConfig, Reporter } from '@playwright/test/reporter';

/**
 * Says which end-to-end projects ran and which were skipped, and why, before the tests and
 * again under the summary: "10 passed" alone cannot tell a web-only run from a full one.
 */
export default class ProjectsReporter implements Reporter {
  private lines: string[] = [];

  onBegin(config: FullConfig): void {
    const plan = config.metadata['projectPlan'];
    this.lines = Array.isArray(plan) ? plan.map(String) : [];
    this.print();
  }

  onEnd(): void {
    this.print();
  }

  printsToStdio(): boolean {
    return true;
  }

  private print(): void {
    for (const line of this.lines) process.stdout.write(`${line}\n`);
  }
}
