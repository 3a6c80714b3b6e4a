import type { ArticleRecord } from '../../db/index.ts';
import { displayTitle } from '../../ui/format.ts';

interface Props {
  articles: readonly ArticleRecord[];
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
}

/** A checklist of the library's articles, for exporting a selection. */
export function ArticleChooser({ articles, chosen, onChange }: Props) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="article-chooser">
      <legend className="visually-hidden">Articles to export</legend>
      <div className="article-chooser__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange(new Set(articles.map((a) => a.id)))}
        >
          Choose all
        </button>
        <button type="button" className="button button--small" onClick={() => onChange(new Set())}>
          Choose none
        </button>
      </div>
      <ul className="article-chooser__list">
        {articles.map((article) => (
          <li key={article.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(article.id)}
                onChange={(event) => toggle(article.id, event.target.checked)}
              />{' '}
              {displayTitle(article.csl.title)}{' '}
              <code className="article-chooser__key">{article.citekey}</code>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
