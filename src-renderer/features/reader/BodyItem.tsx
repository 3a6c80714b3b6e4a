import { memo, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import type { BodyEntry } from './body-layout.ts';
import { ParagraphText } from './ParagraphText.tsx';

interface Props {
  entry: BodyEntry;
  /** Object URLs of the article's offline images, by image id (never a remote address). */
  imageUrls: ReadonlyMap<string, string>;
  /** The article's address, against which relative links in its text are read. */
  baseUrl: string | undefined;
  /** This paragraph's number is in the citation panel's locator. */
  cited: boolean;
  onCite(n: number): void;
  /**
   * The paragraph numbers are one roving Tab stop: only this paragraph's number is in the Tab
   * order; the arrow keys (onNumberKey) move between them.
   */
  tabStop?: boolean;
  onNumberKey?(n: number, event: KeyboardEvent<HTMLButtonElement>): void;
  onNumberFocus?(n: number): void;
  /** Virtualized lists only: the item's place in the list, its measuring ref and position. */
  index?: number;
  measureRef?: Ref<HTMLElement>;
  style?: CSSProperties;
}

/**
 * One item of the article body: a section heading (never numbered), a figure shown from its
 * offline copy, or a numbered paragraph
 * whose number cites it ("para. 5"). Memoised: typing a locator re-renders only the paragraphs
 * whose cited state changed.
 */
export const BodyItem = memo(function BodyItem({
  entry,
  imageUrls,
  baseUrl,
  cited,
  onCite,
  tabStop = false,
  onNumberKey,
  onNumberFocus,
  index,
  measureRef,
  style,
}: Props) {
  if (entry.type === 'heading') {
    const Tag = entry.tag;
    return (
      <Tag
        ref={measureRef as Ref<HTMLHeadingElement> | undefined}
        className="reader-heading"
        data-level={entry.heading.level}
        data-testid="reader-heading"
        data-index={index}
        style={style}
      >
        {entry.heading.text}
      </Tag>
    );
  }
  if (entry.type === 'figure') {
    const { image } = entry;
    const url = imageUrls.get(image.id);
    return (
      <figure
        ref={measureRef as Ref<HTMLElement> | undefined}
        className="reader-figure"
        data-testid="reader-figure"
        data-index={index}
        style={style}
      >
        {url ? (
          <img className="reader-figure__image" src={url} alt={image.alt} />
        ) : (
          // Not saved (an image that failed, or a record older than offline images): say so
          // rather than load it from the web.
          <p className="reader-figure__missing" role="img" aria-label={image.alt || 'Image'}>
            Image not saved{image.alt ? `: ${image.alt}` : ''}
          </p>
        )}
        {image.caption && (
          <figcaption className="reader-figure__caption">{image.caption}</figcaption>
        )}
      </figure>
    );
  }
  const { paragraph } = entry;
  return (
    <div
      ref={measureRef as Ref<HTMLDivElement> | undefined}
      id={`para-${paragraph.n}`}
      className="para"
      data-kind={paragraph.kind}
      data-cited={cited || undefined}
      data-testid="paragraph"
      data-n={paragraph.n}
      data-index={index}
      style={style}
    >
      <button
        type="button"
        className="para__number"
        aria-label={`Cite paragraph ${paragraph.n}`}
        aria-pressed={cited}
        title={`Cite paragraph ${paragraph.n}`}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => onCite(paragraph.n)}
        onKeyDown={onNumberKey && ((event) => onNumberKey(paragraph.n, event))}
        onFocus={onNumberFocus && (() => onNumberFocus(paragraph.n))}
      >
        {paragraph.n}
      </button>
      <ParagraphText paragraph={paragraph} baseUrl={baseUrl} />
    </div>
  );
});
