import './reader.css';
import type { ArticleRecord } from '../../db/index.ts';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { displayDate, displayName, displayTitle, isOrganisation } from '../../ui/format.ts';
import { TagEditor } from './TagEditor.tsx';

interface Props {
  article: ArticleRecord;
  onEdit(): void;
}

export function ReaderHeader({ article, onEdit }: Props) {
  const { csl, originalSource, keywords } = article;
  const authors = csl.author ?? [];
  const date = displayDate(csl.issued);
  const site = csl['container-title'];
  return (
    <header className="reader-header">
      <div className="reader-header__top">
        <p className="reader-header__kicker" data-testid="reader-site">
          {site || 'Saved article'}
        </p>
        <button type="button" className="button button--small" data-edit-details onClick={onEdit}>
          Edit details
        </button>
      </div>
      <h1
        id="reader-title"
        className="reader-header__title"
        data-testid="reader-title"
        tabIndex={-1}
      >
        {displayTitle(csl.title)}
      </h1>
      {authors.length > 0 && (
        <p className="reader-header__byline" data-testid="reader-authors">
          By{' '}
          {authors.map((name, i) => (
            <span key={i} className="author">
              {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
              <span className="author__name">{displayName(name)}</span>
              {isOrganisation(name) && <span className="author__kind">organisation</span>}
            </span>
          ))}
        </p>
      )}
      <dl className="reader-header__facts">
        {date && (
          <div>
            <dt>Published</dt>
            <dd data-testid="reader-date">{date}</dd>
          </div>
        )}
        {originalSource && (
          <div>
            <dt>Original source</dt>
            <dd data-testid="reader-original-source">
              Originally published by{' '}
              {originalSource.url ? (
                <ExternalLink href={originalSource.url}>{originalSource.name}</ExternalLink>
              ) : (
                originalSource.name
              )}
            </dd>
          </div>
        )}
        {csl.URL && (
          <div>
            <dt>Web address</dt>
            <dd className="reader-header__url">
              <ExternalLink href={csl.URL}>{csl.URL}</ExternalLink>
            </dd>
          </div>
        )}
        <div>
          <dt>Tags</dt>
          <dd>
            <TagEditor articleId={article.id} tags={article.tags} />
          </dd>
        </div>
        {keywords.length > 0 && (
          <div>
            <dt>Keywords</dt>
            <dd>
              <ul className="keywords" aria-label="Keywords">
                {keywords.map((keyword) => (
                  <li key={keyword} className="keyword">
                    {keyword}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
