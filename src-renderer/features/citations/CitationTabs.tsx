import { useId, useRef, type KeyboardEvent } from 'react';
import { CitationEntry, type FormattedCitation } from './CitationEntry.tsx';

interface Props {
  citations: FormattedCitation[];
  selected: string;
  onSelect(name: string): void;
}

/** One reference style at a time (WAI-ARIA tabs: arrow keys, Home and End move between them). */
export function CitationTabs({ citations, selected, onSelect }: Props) {
  const id = useId();
  const tabs = useRef<HTMLDivElement>(null);
  const current = citations.find((c) => c.name === selected) ?? citations[0];
  if (!current) return null;

  function onKeyDown(event: KeyboardEvent) {
    const index = citations.indexOf(current!);
    const last = citations.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    const target = next === undefined ? undefined : citations[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.name);
    tabs.current?.querySelector<HTMLElement>(`[data-name="${target.name}"]`)?.focus();
  }

  return (
    <div className="citation-tabs">
      <div
        ref={tabs}
        className="citation-tabs__list"
        role="tablist"
        aria-label="Reference style"
        onKeyDown={onKeyDown}
      >
        {citations.map((citation) => {
          const active = citation === current;
          return (
            <button
              key={citation.name}
              type="button"
              role="tab"
              id={`${id}-${citation.name}-tab`}
              data-name={citation.name}
              className="citation-tabs__tab"
              aria-selected={active}
              aria-controls={`${id}-panel`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(citation.name)}
            >
              {citation.label}
            </button>
          );
        })}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-${current.name}-tab`}
        className="citation-tabs__panel"
      >
        <CitationEntry citation={current} />
      </div>
    </div>
  );
}
