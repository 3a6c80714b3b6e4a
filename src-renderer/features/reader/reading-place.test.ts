import { describe, expect, it } from 'vitest';
import { TOP_SLACK, paragraphAtTop } from './reading-place.ts';
import { numberTarget } from './ParagraphList.tsx';

describe('the paragraph at the top of the reader', () => {
  const laidOut = [
    { n: 3, top: -240, bottom: -20 },
    { n: 4, top: -2, bottom: 180 },
    { n: 5, top: 198, bottom: 400 },
  ];

  it('is the first whose bottom is below the top of the viewport', () => {
    expect(paragraphAtTop(laidOut, 900)).toBe(4);
  });

  it('does not depend on the order the paragraphs were found in (a virtual window)', () => {
    expect(paragraphAtTop([...laidOut].reverse(), 900)).toBe(4);
  });

  it('is none at the top of the reader, where the header shows', () => {
    expect(paragraphAtTop(laidOut, 0)).toBeNull();
    expect(paragraphAtTop(laidOut, TOP_SLACK - 1)).toBeNull();
    expect(paragraphAtTop([], 500)).toBeNull();
  });

  it('skips a paragraph that ends just at the edge', () => {
    expect(
      paragraphAtTop(
        [
          { n: 1, top: -100, bottom: 1 },
          { n: 2, top: 19, bottom: 80 },
        ],
        300,
      ),
    ).toBe(2);
  });
});

describe('moving between paragraph numbers with the keyboard', () => {
  const numbers = [1, 2, 3, 5, 8];
  it('goes down and up one at a time, stopping at the ends', () => {
    expect(numberTarget(numbers, 3, 'ArrowDown')).toBe(5);
    expect(numberTarget(numbers, 3, 'ArrowUp')).toBe(2);
    expect(numberTarget(numbers, 8, 'ArrowDown')).toBe(8);
    expect(numberTarget(numbers, 1, 'ArrowUp')).toBe(1);
  });

  it('jumps to the first and last with Home and End, and ignores other keys', () => {
    expect(numberTarget(numbers, 3, 'Home')).toBe(1);
    expect(numberTarget(numbers, 3, 'End')).toBe(8);
    expect(numberTarget(numbers, 3, 'Enter')).toBeNull();
    expect(numberTarget([], 1, 'End')).toBeNull();
  });
});
