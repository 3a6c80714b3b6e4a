import type { Paragraph } from '../../../src-core/article/model.ts';
import { listTree, splitBlocks, tableRows, type ListNode } from './body-layout.ts';
import { InlineText } from './InlineText.tsx';

interface Props {
  paragraph: Paragraph;
  baseUrl: string | undefined;
}

/**
 * One body paragraph shaped by its kind: prose as a paragraph, a quote as a block quote, a list
 * as list items, preformatted text and tables as such. Its text is display text (no Markdown or
 * HTML syntax); every piece of it goes out as a text node.
 */
export function ParagraphText({ paragraph, baseUrl }: Props) {
  const { text, marks } = paragraph;
  const whole = { start: 0, end: text.length };
  switch (paragraph.kind) {
    case 'blockquote':
      return (
        <blockquote className="para__text">
          {splitBlocks(text, whole).map((range) => (
            <p key={range.start}>
              <InlineText text={text} range={range} marks={marks} baseUrl={baseUrl} />
            </p>
          ))}
        </blockquote>
      );
    case 'list':
      return (
        <ListItems
          nodes={listTree(text, paragraph.items)}
          paragraph={paragraph}
          baseUrl={baseUrl}
          className="para__text"
        />
      );
    case 'preformatted':
      return (
        <pre className="para__text">
          <span data-o={0}>{text}</span>
        </pre>
      );
    case 'table': {
      const rows = tableRows(text);
      if (!rows) {
        return (
          <div className="para__text para__table-text">
            <span data-o={0}>{text}</span>
          </div>
        );
      }
      const width = Math.max(...rows.map((row) => row.length));
      const offsets = cellOffsets(text, rows);
      return (
        <div className="para__text para__table-wrap">
          <table className="para__table">
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {Array.from({ length: width }, (_, c) => (
                    <td key={c}>
                      <span data-o={offsets[r]?.[c]}>{row[c] ?? ''}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default:
      return (
        <p className="para__text">
          <InlineText text={text} range={whole} marks={marks} baseUrl={baseUrl} />
        </p>
      );
  }
}

function ListItems({
  nodes,
  paragraph,
  baseUrl,
  className,
}: {
  nodes: ListNode[];
  paragraph: Paragraph;
  baseUrl: string | undefined;
  className?: string;
}) {
  return (
    <ul className={className}>
      {nodes.map((node, n) => (
        <li key={`${node.start}-${n}`}>
          {node.parts.map((range, i) => (
            <span key={range.start}>
              {i > 0 && ' '}
              <InlineText
                text={paragraph.text}
                range={range}
                marks={paragraph.marks}
                baseUrl={baseUrl}
              />
            </span>
          ))}
          {node.children.length > 0 && (
            <ListItems nodes={node.children} paragraph={paragraph} baseUrl={baseUrl} />
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Where each cell's text starts in the paragraph's display text (cells are read from it in
 * order); undefined for a cell not found verbatim, which then cannot hold a highlight.
 */
function cellOffsets(text: string, rows: readonly (readonly string[])[]): (number | undefined)[][] {
  let at = 0;
  return rows.map((row) =>
    row.map((cell) => {
      const found = cell ? text.indexOf(cell, at) : -1;
      if (found < 0) return undefined;
      at = found + cell.length;
      return found;
    }),
  );
}
