import { useId } from 'react';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** Something is still being searched. */
  pending: boolean;
}

/**
 * Search as you type: every keystroke asks the search worker, which drops older questions,
 * so typing never waits for an answer.
 */
export function SearchBox({ query, onQuery, pending }: Props) {
  const id = useId();
  return (
    <div className="search-box" role="search" data-pending={pending || undefined}>
      <label htmlFor={id} className="visually-hidden">
        Search the library
      </label>
      <svg
        className="search-box__icon"
        viewBox="0 0 16 16"
        width="14"
        height="14"
        aria-hidden="true"
      >
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        className="search-box__input"
        placeholder="Search the library"
        value={query}
        spellCheck={false}
        autoComplete="off"
        data-testid="search-input"
        aria-describedby={`${id}-help`}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      <p id={`${id}-help`} className="visually-hidden">
        Words must all match. Use quotes for a phrase, OR, a minus to leave a word out, a star for a
        prefix, and author:, title:, site:, tag: or year:2018..2020.
      </p>
    </div>
  );
}
