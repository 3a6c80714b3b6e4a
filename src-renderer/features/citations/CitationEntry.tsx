import type { ClipboardPayload } from '../../host/index.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { InlineMarkdown } from './InlineMarkdown.tsx';

export interface FormattedCitation {
  /** The style's name, e.g. "APA 7": the Copy button says "Copy APA 7 reference". */
  label: string;
  /** The style id, used in test ids: "citation-apa-text". */
  name: string;
  /** Markdown (`*italic*`) for display, or plain text for code-like formats. */
  display: string;
  code: boolean;
  copy: () => ClipboardPayload;
  error?: string;
}

export function CitationEntry({ citation }: { citation: FormattedCitation }) {
  const testId = `citation-${citation.name.toLowerCase()}`;
  return (
    <div className="citation" data-testid={testId}>
      {citation.error ? (
        <p className="citation__error">{citation.error}</p>
      ) : citation.code ? (
        <pre className="citation__code" data-testid={`${testId}-text`}>
          {citation.display}
        </pre>
      ) : (
        <p className="citation__text" data-testid={`${testId}-text`}>
          <InlineMarkdown text={citation.display} />
        </p>
      )}
      <div className="citation__actions">
        {!citation.code && !citation.error && (
          <CopyButton
            label={`Copy ${citation.label} reference as Markdown`}
            text="Markdown"
            payload={{ text: citation.display }}
          />
        )}
        <CopyButton
          label={`Copy ${citation.label} ${citation.code ? 'entry' : 'reference'}`}
          payload={citation.copy}
          disabled={!!citation.error}
        />
      </div>
    </div>
  );
}
