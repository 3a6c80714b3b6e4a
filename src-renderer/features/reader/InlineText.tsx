import type { ReactNode } from 'react';
import type { Mark } from '../../../src-core/article/document/types.ts';
import { hasControlCharacter, webUrlOrNull } from '../../../src-core/validation/index.ts';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { inlineTree, type InlineNode, type TextRange } from './body-layout.ts';

interface Props {
  text: string;
  range: TextRange;
  marks: readonly Mark[] | undefined;
  /** The article's address: relative links in its text are read against it. */
  baseUrl: string | undefined;
}

/**
 * A stretch of display text with its inline marks as elements: text nodes only, never markup,
 * each in a span that says where it starts in the display text.
 * A link opens in the system browser when it leads to an http(s) address; any other link
 * (relative without a base, mailto:, javascript:…) is shown as text with its target as a tooltip.
 */
export function InlineText({ text, range, marks, baseUrl }: Props) {
  return <>{inlineTree(range, marks).map((node, i) => renderNode(text, node, i, baseUrl))}</>;
}

function renderNode(
  text: string,
  node: InlineNode,
  key: number,
  baseUrl: string | undefined,
): ReactNode {
  // `data-o`: where the text node starts in the paragraph's display text, so a DOM selection
  // maps back to display offsets and a highlight to DOM ranges (features/annotations).
  if (node.type === 'text') {
    return (
      <span key={key} data-o={node.start}>
        {text.slice(node.start, node.end)}
      </span>
    );
  }
  const children = node.children.map((child, i) => renderNode(text, child, i, baseUrl));
  switch (node.mark.type) {
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'emphasis':
      return <em key={key}>{children}</em>;
    case 'code':
      return <code key={key}>{children}</code>;
    case 'link': {
      const written = node.mark.href ?? '';
      const url = webAddress(written, baseUrl);
      return url ? (
        <ExternalLink key={key} href={url} title={url}>
          {children}
        </ExternalLink>
      ) : (
        <span key={key} className="para__link" title={written || undefined}>
          {children}
        </span>
      );
    }
  }
}

/** The absolute address a link leads to when the shared web-address rule takes it, or null. */
export function webAddress(href: string, baseUrl: string | undefined): string | null {
  // Checked as written too: resolving would silently drop a tab or newline inside it.
  if (!href.trim() || hasControlCharacter(href.trim())) return null;
  let resolved: string;
  try {
    resolved = new URL(href, baseUrl || undefined).href;
  } catch {
    return null;
  }
  return webUrlOrNull(resolved)?.href ?? null;
}
