import type { ReactNode } from 'react';

/** A line style of the chart kit (app.css `.regie-chart__<variant>`): they differ in pattern, not only colour. */
export type SeriesStyle = 'spent' | 'forecast' | 'ceiling' | 'eighty';

/** A short sample of a line style for the legend (decorative: the legend's text says what it is). */
export function Swatch({ variant }: { variant: SeriesStyle }) {
  return (
    <svg className="regie-chart__swatch" viewBox="0 0 32 8" aria-hidden="true" focusable="false">
      <line x1="0" y1="4" x2="32" y2="4" className={`regie-chart__${variant}`} />
    </svg>
  );
}

/**
 * A chart with its alternative (no chart library): the drawing is one `role="img"` whose label states the
 * conclusion, for a screen reader; the legend names each line style; and every number is also given as
 * text — in a table behind "De grafiek als tabel" (`alternativeSummary`), or shown as it is when no summary
 * is given (a short list next to a small chart).
 */
export function Chart({
  label,
  width,
  height,
  svgClassName,
  testId,
  legend = [],
  alternative,
  alternativeSummary,
  children,
}: {
  /** What the chart says, in a sentence: the accessible name of the drawing. */
  label: string;
  width: number;
  height: number;
  svgClassName?: string;
  testId?: string;
  legend?: readonly { variant: SeriesStyle; text: ReactNode }[];
  /** The same numbers as text: a table (with its caption) or a list. */
  alternative: ReactNode;
  /** When given, the alternative folds away behind this summary (a native <details>, keyboard-operable). */
  alternativeSummary?: string;
  /** The SVG's content, in its viewBox `0 0 width height`. */
  children?: ReactNode;
}) {
  return (
    <div className="regie-chart" data-testid={testId}>
      <svg
        className={svgClassName ? `regie-chart__svg ${svgClassName}` : 'regie-chart__svg'}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        focusable="false"
      >
        {children}
      </svg>
      {legend.length > 0 ? (
        <ul className="regie-chart__legend">
          {legend.map((entry) => (
            <li key={entry.variant}>
              <Swatch variant={entry.variant} /> {entry.text}
            </li>
          ))}
        </ul>
      ) : null}
      {alternativeSummary === undefined ? (
        alternative
      ) : (
        <details className="regie-chart__table">
          <summary>{alternativeSummary}</summary>
          <div className="regie-table-scroll">{alternative}</div>
        </details>
      )}
    </div>
  );
}
