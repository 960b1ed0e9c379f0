import { useId, type ReactNode } from 'react';

/** One headline figure: its name, the figure, and a line of detail under it. */
export function Tile({ label, children, detail, tone }: { label: string; children: ReactNode; detail?: ReactNode; tone?: 'warn' }) {
  const id = useId();
  return (
    <section className={`tile${tone ? ` tile-${tone}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="tile-label">
        {label}
      </h3>
      <div className="tile-value">{children}</div>
      {detail && <div className="tile-detail">{detail}</div>}
    </section>
  );
}
