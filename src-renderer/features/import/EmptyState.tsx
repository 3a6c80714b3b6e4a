interface Props {
  busy: boolean;
  onAddSample(): void;
}

/** First run: what Quire is for, and a one-click way to see it working. */
export function EmptyState({ busy, onAddSample }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h1 id="empty-heading" className="empty-state__title">
        Your library is empty
      </h1>
      <p className="empty-state__lead">
        Quire keeps an offline copy of each article you cite, with its copyright, disclaimer and
        fair-use notices kept word for word, and writes the citation for you in APA, MLA or BibTeX.
      </p>
      <p className="empty-state__lead">
        Add a saved web page, a Markdown clip or a text file with <em>Add files</em>, drop one
        anywhere on this window, or paste a copied page with <em>Paste text</em> (or just paste it
        here). Not sure yet? Start with a sample article.
      </p>
      <div className="empty-state__actions">
        <button
          type="button"
          className="button button--primary button--large"
          disabled={busy}
          onClick={onAddSample}
        >
          Add the sample article
        </button>
      </div>
    </section>
  );
}
