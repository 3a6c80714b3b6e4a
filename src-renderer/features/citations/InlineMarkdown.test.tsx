import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { parseInlineMarkdown } from './InlineMarkdown.tsx';

/** A readable form of the nodes: strings as they are, elements as <tag>children</tag>. */
function show(nodes: ReactNode[]): string {
  return nodes
    .map((node) => {
      if (!isValidElement(node)) return String(node);
      const element = node as ReactElement<{ children: ReactNode }>;
      return `<${String(element.type)}>${show([element.props.children])}</${String(element.type)}>`;
    })
    .join('');
}

describe('parseInlineMarkdown', () => {
  it('turns *…* into italics and leaves the rest as text', () => {
    expect(show(parseInlineMarkdown('South Front. (2018). *A title*. Global Research.'))).toBe(
      'South Front. (2018). <i>A title</i>. Global Research.',
    );
  });

  it('reads **…** as bold and backslash escapes as literal characters', () => {
    expect(show(parseInlineMarkdown('**Bold** and 5 \\* 3 = 15 \\\\ done'))).toBe(
      '<b>Bold</b> and 5 * 3 = 15 \\ done',
    );
  });

  it('never produces markup from text: tags stay text', () => {
    const nodes = parseInlineMarkdown('*<img src=x onerror=alert(1)>*');
    expect(show(nodes)).toBe('<i><img src=x onerror=alert(1)></i>');
    const italic = nodes[0] as ReactElement<{ children: ReactNode }>;
    expect(typeof italic.props.children).toBe('string');
  });

  it('shows unbalanced markers as they are', () => {
    expect(parseInlineMarkdown('a *lone asterisk')).toEqual(['a *lone asterisk']);
  });
});
