export * from './types.ts';
export * from './display-text.ts';
export * from './anchor.ts';
export * from './find-quote.ts';
export * from './locator.ts';
export * from './build.ts';
export * from './render.ts';
// docx.ts (excerptsToDocx) is imported on its own, so the docx library loads only when used.
