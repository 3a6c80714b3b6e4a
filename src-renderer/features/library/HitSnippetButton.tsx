import type { HitSnippet } from '../../search/library-snippets.ts';
import type { BatchedStore } from './batched-store.ts';
import { useBatched } from './use-batched.ts';

interface Props {
  store: BatchedStore<HitSnippet>;
  id: string;
  title: string;
  tabbable: boolean;
  onOpen(id: string, paragraph?: number): void;
}

/** The search words in context; opens the reader at their paragraph. */
export function HitSnippetButton({ store, id, title, tabbable, onOpen }: Props) {
  const snippet = useBatched(store, id);
  if (!snippet) return null;
  const paragraph = snippet.paragraph ?? undefined;
  return (
    <button
      type="button"
      className="library-item__snippet"
      tabIndex={tabbable ? 0 : -1}
      data-testid="hit-snippet"
      data-paragraph={paragraph}
      aria-label={`Open ${title} at paragraph ${paragraph ?? 1}`}
      onClick={() => onOpen(id, paragraph)}
    >
      {paragraph !== undefined && <span className="library-item__para">¶{paragraph}</span>}
      {snippet.before && '…'}
      {snippet.parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
      {snippet.after && '…'}
    </button>
  );
}
