/** Filled dots for votes given, hollow ones for what is still possible (decorative; words say it too). */
export function VoteDots({ filled, total, className }: { filled: number; total: number; className?: string }) {
  const shown = Math.min(Math.max(total, filled), 50);
  return (
    <span className={`dots ${className ?? ''}`} aria-hidden="true">
      {Array.from({ length: shown }, (_, i) => (
        <span key={i} className={`dots__dot${i < filled ? ' dots__dot--on' : ''}`} />
      ))}
    </span>
  );
}
