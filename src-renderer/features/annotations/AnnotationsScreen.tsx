import './annotations.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import type { HighlightColor } from '../../../src-core/excerpt/annotation.ts';
import type { Library } from '../../db/index.ts';
import { displayTitle } from '../../ui/format.ts';
import { ColorSelect } from './ColorSelect.tsx';

interface Props {
  library: Library;
  /** Opens the article at the highlight. */
  onOpen(articleId: string, annotationId: string): void;
  onExport(ids: string[]): void;
}

/** Rows rendered at once; "Show more" adds as many again. */
const PAGE = 200;

/** Every highlight and note in the library, newest first, filtered by colour, tag and words. */
export function AnnotationsScreen({ library, onOpen, onExport }: Props) {
  const ids = { text: useId(), tag: useId(), heading: useId() };
  const [text, setText] = useState('');
  const [color, setColor] = useState<HighlightColor | ''>('');
  const [tag, setTag] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const words = useDeferredValue(text);
  const tags = useLiveQuery(() => library.annotations.tags(), [library]) ?? [];
  const found = useLiveQuery(async () => {
    const list = await library.annotations.list({
      text: words,
      ...(color ? { color } : {}),
      ...(tag ? { tag } : {}),
    });
    const titles = await library.db.summaries.bulkGet([...new Set(list.map((a) => a.articleId))]);
    return {
      list,
      titles: new Map(titles.flatMap((s) => (s ? [[s.id, displayTitle(s.title)] as const] : []))),
    };
  }, [library, words, color, tag]);

  const list = found?.list ?? [];
  const choose = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const exportIds = chosen.size ? list.filter((a) => chosen.has(a.id)).map((a) => a.id) : [];
  return (
    <section className="annotations-screen" aria-labelledby={ids.heading}>
      <h1 id={ids.heading} className="annotations-screen__title">
        Highlights and notes
      </h1>
      <div className="annotations-screen__filters" role="search">
        <label className="visually-hidden" htmlFor={ids.text}>
          Find in quotes, notes and tags
        </label>
        <input
          id={ids.text}
          type="search"
          className="field__input"
          placeholder="Find in quotes, notes and tags"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <ColorSelect label="Colour" value={color} onChange={setColor} />
        <label className="visually-hidden" htmlFor={ids.tag}>
          Tag
        </label>
        <select
          id={ids.tag}
          className="field__input"
          value={tag}
          onChange={(event) => setTag(event.target.value)}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={list.length === 0}
          onClick={() => onExport(exportIds.length ? exportIds : list.map((a) => a.id))}
        >
          {exportIds.length
            ? `Export ${exportIds.length} as excerpts…`
            : 'Export these as excerpts…'}
        </button>
      </div>
      <p className="annotations-screen__count" role="status">
        {found === undefined
          ? 'Loading…'
          : `${list.length.toLocaleString('en')} ${list.length === 1 ? 'highlight' : 'highlights'}`}
      </p>
      <ul className="annotations-screen__list" data-testid="all-annotations">
        {list.slice(0, shown).map((a) => (
          <li
            key={a.id}
            className="annotation-row"
            data-color={a.color}
            data-testid="annotation-row"
          >
            <input
              type="checkbox"
              aria-label="Include in the excerpt export"
              checked={chosen.has(a.id)}
              onChange={(event) => choose(a.id, event.target.checked)}
            />
            <div className="annotation-row__main">
              <button
                type="button"
                className="annotation-row__open"
                onClick={() => onOpen(a.articleId, a.id)}
              >
                {a.target ? (
                  <>
                    <span className="annotation-row__quote">
                      &ldquo;{a.target.quote.exact.slice(0, 240)}
                      {a.target.quote.exact.length > 240 ? '…' : ''}&rdquo;
                    </span>
                    <span className="annotation-row__source">
                      {found?.titles.get(a.articleId) ?? 'Untitled'} · ¶{a.target.paragraphs.firstN}
                      {a.target.paragraphs.lastN !== a.target.paragraphs.firstN &&
                        `–${a.target.paragraphs.lastN}`}{' '}
                      when highlighted
                    </span>
                  </>
                ) : (
                  <span className="annotation-row__source" data-testid="article-note-row">
                    Note on the whole article · {found?.titles.get(a.articleId) ?? 'Untitled'}
                  </span>
                )}
              </button>
              {a.note && <p className="annotation-row__note">{a.note}</p>}
              {a.tags.length > 0 && <p className="annotation-row__tags">{a.tags.join(', ')}</p>}
            </div>
          </li>
        ))}
      </ul>
      {list.length > shown && (
        <button type="button" className="button" onClick={() => setShown(shown + PAGE)}>
          Show more ({(list.length - shown).toLocaleString('en')} left)
        </button>
      )}
    </section>
  );
}
