import './library.css';
import type { ArticleSummary } from '../../db/index.ts';
import { LibraryList } from './LibraryList.tsx';

interface Props {
  articles: ArticleSummary[] | undefined;
  selectedId: string | null;
  onOpen(id: string): void;
  onDelete(article: ArticleSummary): void;
}

export function LibraryPane({ articles, selectedId, onOpen, onDelete }: Props) {
  return (
    <nav className="library-pane" aria-labelledby="library-heading">
      <h2 id="library-heading" className="pane-heading">
        Library
        {articles && articles.length > 0 && (
          <span className="pane-heading__count" data-testid="library-count">
            {articles.length}
          </span>
        )}
      </h2>
      {articles === undefined ? (
        <p className="library-pane__note">Opening your library…</p>
      ) : articles.length === 0 ? (
        <p className="library-pane__note">No articles yet.</p>
      ) : (
        <LibraryList
          articles={articles}
          selectedId={selectedId}
          onOpen={onOpen}
          onDelete={onDelete}
        />
      )}
    </nav>
  );
}
