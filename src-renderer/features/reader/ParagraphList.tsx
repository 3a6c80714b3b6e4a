import type { Paragraph } from '../../../src-core/article/model.ts';

interface Props {
  paragraphs: Paragraph[];
  /** The paragraph whose number is in the citation panel's locator, if any. */
  citedParagraph: number | null;
  onCite(n: number): void;
}

/**
 * The article's own paragraphs, numbered in the margin. The number is the citation locator
 * ("para. 5"); clicking it puts that paragraph into the in-text citation.
 */
export function ParagraphList({ paragraphs, citedParagraph, onCite }: Props) {
  if (paragraphs.length === 0) {
    return <p className="reader-body__empty">No article text was found in this file.</p>;
  }
  return (
    <section className="reader-body" aria-label="Article text">
      {paragraphs.map((paragraph) => {
        const cited = paragraph.n === citedParagraph;
        const Text = paragraph.kind === 'blockquote' ? 'blockquote' : 'p';
        return (
          <div
            key={paragraph.id}
            id={`para-${paragraph.n}`}
            className="para"
            data-kind={paragraph.kind}
            data-cited={cited || undefined}
            data-testid="paragraph"
            data-n={paragraph.n}
          >
            <button
              type="button"
              className="para__number"
              aria-label={`Cite paragraph ${paragraph.n}`}
              aria-pressed={cited}
              title={`Cite paragraph ${paragraph.n}`}
              onClick={() => onCite(paragraph.n)}
            >
              {paragraph.n}
            </button>
            <Text className="para__text">{paragraph.text}</Text>
          </div>
        );
      })}
    </section>
  );
}
