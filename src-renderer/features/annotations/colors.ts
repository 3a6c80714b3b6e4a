import type { HighlightColor } from '../../../src-core/excerpt/annotation.ts';

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  purple: 'purple',
};
