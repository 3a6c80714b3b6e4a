import type { RightsKind, RightsNotice } from '../../../src-core/article/model.ts';
import type { NoticeChecks } from './use-notice-checks.ts';

const KIND_LABELS: Record<RightsKind, string> = {
  copyright: 'Copyright',
  licence: 'Licence',
  disclaimer: 'Disclaimer',
  'fair-use': 'Fair use',
  republication: 'Original source',
  permission: 'Permission',
};

interface Props {
  notices: RightsNotice[];
  checks: NoticeChecks;
}

/**
 * The notices as a reader sees them (link labels, decoded entities), each with the exact
 * characters of the original file behind a disclosure: those are what is hashed and verified
 * on every opening. Both are React text nodes in pre-wrap blocks, never parsed as markup.
 */
export function RightsNotices({ notices, checks }: Props) {
  const failed =
    checks.state === 'done' ? checks.checks.filter((check) => check.status !== 'intact') : [];
  return (
    <section className="rights" aria-labelledby="rights-heading" data-testid="rights">
      <h2 id="rights-heading" className="rights__heading">
        Rights and notices
      </h2>
      {notices.length === 0 ? (
        <p className="rights__note">
          No copyright, licence, disclaimer or fair-use notice was found in this file.
        </p>
      ) : (
        <>
          <Verification checks={checks} failedCount={failed.length} total={notices.length} />
          <ul className="rights__list">
            {notices.map((notice, i) => {
              const problem = failed.find((check) => check.notice.start === notice.start);
              return (
                <li key={`${notice.start}-${i}`} className="notice" data-kind={notice.kind}>
                  <p className="notice__kind">{KIND_LABELS[notice.kind] ?? notice.kind}</p>
                  <div className="notice__text" data-testid="rights-notice" data-kind={notice.kind}>
                    {notice.display}
                  </div>
                  <details className="notice__source">
                    <summary className="notice__source-toggle">Show exact source text</summary>
                    <p className="notice__source-note">
                      Exactly as the original file has it (characters {notice.start}–{notice.end}
                      ): this text is what Quire hashes and checks on every opening.
                    </p>
                    <div
                      className="notice__source-text"
                      data-testid="rights-notice-source"
                      data-start={notice.start}
                      data-end={notice.end}
                    >
                      {notice.text}
                    </div>
                    <p className="notice__hash">
                      SHA-256 <code>{notice.sha256}</code>
                    </p>
                  </details>
                  {problem && (
                    <p className="notice__problem">
                      This notice no longer matches the original file
                      {'detail' in problem ? ` (${problem.detail})` : ''}.
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function Verification({
  checks,
  failedCount,
  total,
}: {
  checks: NoticeChecks;
  failedCount: number;
  total: number;
}) {
  const tone =
    checks.state === 'checking'
      ? 'pending'
      : checks.state === 'done' && !failedCount
        ? 'ok'
        : 'warning';
  return (
    <p
      className="rights__verification"
      data-tone={tone}
      role="status"
      data-testid="rights-verification"
    >
      {checks.state === 'checking' && 'Checking the notices against the original file…'}
      {checks.state === 'failed' && (
        <>
          <span aria-hidden="true">⚠ </span>Could not check the notices against the original file:{' '}
          {checks.message}
        </>
      )}
      {checks.state === 'done' && failedCount > 0 && (
        <>
          <span aria-hidden="true">⚠ </span>
          {failedCount} of {total} notices no longer match the original file. Do not rely on them;
          import the original again.
        </>
      )}
      {tone === 'ok' && (
        <>
          <span aria-hidden="true">✓ </span>Verified intact against the original file
        </>
      )}
    </p>
  );
}
