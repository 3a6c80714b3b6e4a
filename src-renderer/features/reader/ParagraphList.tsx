import type { Heading, Paragraph } from '../../../src-core/article/model.ts';
import { bodyEntries } from './body-layout.ts';
import { ParagraphText } from './ParagraphText.tsx';

interface Props {
  paragraphs: Paragraph[];
  /** Section headings between the paragraphs (none in records made before parser version 2). */
  headings: Heading[] | undefined;
  /** The article's address, against which relative links in its text are read. */
  baseUrl: string | undefined;
  /** The paragraph whose number is in the citation panel's locator, if any. */
  citedParagraph: number | null;
  onCite(n: number): void;
}

/**
 * The article's own paragraphs, numbered in the margin, with its section headings (never
 * numbered) between them. The number is the citation locator ("para. 5"); clicking it puts
 * that paragraph into the in-text citation.
 */
export function ParagraphList({ paragraphs, headings, baseUrl, citedParagraph, onCite }: Props) {
  if (paragraphs.length === 0 && !headings?.length) {
    return <p className="reader-body__empty">No article text was found in this file.</p>;
  }
  return (
    <section className="reader-body" aria-label="Article text" data-testid="reader-body">
      {bodyEntries(paragraphs, headings).map((entry) => {
        if (entry.type === 'heading') {
          const Tag = entry.tag;
          return (
            <Tag
              key={entry.key}
              className="reader-heading"
              data-level={entry.heading.level}
              data-testid="reader-heading"
            >
              {entry.heading.text}
            </Tag>
          );
        }
        const { paragraph } = entry;
        const cited = paragraph.n === citedParagraph;
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
            <ParagraphText paragraph={paragraph} baseUrl={baseUrl} />
          </div>
        );
      })}
    </section>
  );
}
