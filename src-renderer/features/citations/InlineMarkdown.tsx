import type { ReactNode } from 'react';

/**
 * Renders the citation engine's Markdown flavour (`*italic*`, `**bold**`, backslash escapes)
 * as React elements, so formatted citations are displayed without ever injecting HTML.
 */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{parseInlineMarkdown(text)}</>;
}

interface Segment {
  text: string;
  italic: boolean;
  bold: boolean;
}

function segments(markdown: string): Segment[] | null {
  const out: Segment[] = [];
  let italic = false;
  let bold = false;
  let text = '';
  const flush = () => {
    if (text) out.push({ text, italic, bold });
    text = '';
  };
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    if (ch === '\\' && i + 1 < markdown.length) {
      text += markdown[++i];
    } else if (ch === '*' && markdown[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if (ch === '*') {
      flush();
      italic = !italic;
    } else {
      text += ch;
    }
  }
  flush();
  // Unbalanced markers: not the engine's output; the caller shows the text as it is.
  return italic || bold ? null : out;
}

export function parseInlineMarkdown(markdown: string): ReactNode[] {
  const parsed = segments(markdown);
  if (!parsed) return [markdown];
  return parsed.map(({ text, italic, bold }, key) => {
    const inner = italic ? <i key={key}>{text}</i> : text;
    return bold ? <b key={key}>{inner}</b> : inner;
  });
}
