import { ReaderSettings } from './ReaderSettings.tsx';

interface Props {
  /** The layout makes the aside a drawer: offer a button that opens it. */
  asideDrawer: boolean;
  asideOpen: boolean;
  notesCount: number;
  onOpenAside(): void;
}

/** Above the article: the reader settings and, when the aside is a drawer, its button. */
export function ReaderToolbar({ asideDrawer, asideOpen, notesCount, onOpenAside }: Props) {
  return (
    <div className="reader-toolbar">
      <ReaderSettings />
      {asideDrawer && (
        <button
          type="button"
          id="reader-aside-toggle"
          className="button reader-toolbar__aside"
          aria-expanded={asideOpen}
          aria-controls="reader-aside"
          onClick={onOpenAside}
        >
          Cite &amp; notes
          {notesCount > 0 && <span className="aside-tabs__count">{notesCount}</span>}
        </button>
      )}
    </div>
  );
}
