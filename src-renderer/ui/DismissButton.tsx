/** The "×" that closes a banner or toast; `className` carries the surface's colour variant. */
export function DismissButton({
  label = 'Dismiss',
  className,
  onClick,
}: {
  label?: string;
  className?: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      onClick={onClick}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
