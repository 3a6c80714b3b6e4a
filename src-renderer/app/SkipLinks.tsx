export type SkipTarget = 'article' | 'notes' | 'citation' | 'library';

interface Props {
  /** With an article open, the notes and the citation can be reached too. */
  articleOpen: boolean;
  /** Opens what the target needs (a drawer, a tab) and moves focus there. */
  onSkip(target: SkipTarget): void;
}

const LINKS: { target: SkipTarget; href: string; label: string; needsArticle: boolean }[] = [
  { target: 'article', href: '#reader-main', label: 'Skip to article', needsArticle: false },
  { target: 'notes', href: '#aside-notes', label: 'Skip to notes', needsArticle: true },
  { target: 'citation', href: '#aside-cite', label: 'Skip to citation', needsArticle: true },
  { target: 'library', href: '#library', label: 'Skip to library', needsArticle: false },
];

/** The first thing Tab reaches: links past the top bar, shown only while focused. */
export function SkipLinks({ articleOpen, onSkip }: Props) {
  return (
    <div className="skip-links">
      {LINKS.filter((link) => articleOpen || !link.needsArticle).map((link) => (
        <a
          key={link.target}
          className="skip-links__link"
          href={link.href}
          onClick={(event) => {
            event.preventDefault();
            onSkip(link.target);
          }}
        >
          {link.label}
        </a>
      ))}
    </div>
  );
}
