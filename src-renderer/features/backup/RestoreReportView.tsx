import { useId } from 'react';
import type { RestoreReport } from '../../db/backup.ts';
import { addedSummary } from './backup-text.ts';

/** Rows listed per section; the rest are counted. */
const SHOWN = 100;

function Section<T>({
  title,
  items,
  render,
  testId,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => string;
  testId: string;
}) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="restore-report__section">
      <h3 id={id} className="restore-report__heading">
        {title} ({items.length.toLocaleString('en')})
      </h3>
      <ul className="restore-report__list" data-testid={testId}>
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <p className="restore-report__more">and {items.length - SHOWN} more</p>
      )}
    </section>
  );
}

/** The report's record kinds, in the words the rest of the app uses. */
const KIND_NAMES: Record<string, string> = {
  annotation: 'highlight',
  style: 'citation style',
  citekey: 'citation key',
};

const named = (item: { kind: string; id: string; title?: string }) => {
  const kind = KIND_NAMES[item.kind] ?? item.kind;
  return item.title ? `${kind} “${item.title}”` : `${kind} ${item.id}`;
};

/** What a restore added, skipped and resolved, with titles. */
export function RestoreReportView({ source, report }: { source: string; report: RestoreReport }) {
  const id = useId();
  return (
    <section className="restore-report" aria-labelledby={id} data-testid="restore-report">
      <h2 id={id} className="backups__heading">
        Restored from {source} ({report.mode === 'empty' ? 'into an empty library' : 'merged'})
      </h2>
      <p data-testid="restore-added">Added {addedSummary(report.added)}.</p>
      <Section
        title="Skipped"
        items={report.skipped}
        render={(item) => `${named(item)}: ${item.reason}`}
        testId="restore-skipped"
      />
      <Section
        title="Conflicts"
        items={report.conflicts}
        render={(item) => `${named(item)}: ${item.resolution}`}
        testId="restore-conflicts"
      />
    </section>
  );
}
