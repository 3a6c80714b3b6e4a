import type { NoticeChecks } from './use-notice-checks.ts';

interface Props {
  checks: NoticeChecks;
  sourceSha256: string;
}

/**
 * Says so, at the top of the reader, when the stored article no longer is what was saved:
 * its original bytes differ from the SHA-256 recorded at import, or its text from those bytes.
 * Silent while checking and when intact (the notices block shows the proof).
 */
export function SourceIntegrity({ checks, sourceSha256 }: Props) {
  if (checks.state !== 'done' || checks.source.status === 'intact') return null;
  const { source } = checks;
  return (
    <div className="integrity-alert" role="alert" data-testid="integrity-alert">
      <strong>This article may have been altered since it was saved.</strong>{' '}
      {source.status === 'bytes-differ'
        ? `Its stored original no longer matches the SHA-256 recorded when it was saved (${sourceSha256.slice(0, 16)}…).`
        : `The text of ${source.paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ${source.paragraphs.slice(0, 10).join(', ')}${source.paragraphs.length > 10 ? '…' : ''} no longer matches the original it was read from.`}{' '}
      Excerpts quote the text as stored; re-import the original to be sure.
    </div>
  );
}
