export type ImportErrorCode =
  'empty' | 'binary' | 'too-large' | 'invalid-encoding' | 'unsupported-type' | 'no-article';

/** A file Quire refuses to import, with a message written for the researcher, not the developer. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
