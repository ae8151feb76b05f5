import { useId } from 'react';
import './BarChart.css';

export interface Bar {
  label: string;
  value: number;
}

interface BarChartProps {
  title: string;
  /** The header of the value column of the table alternative. */
  valueLabel: string;
  bars: Bar[];
  format: (value: number) => string;
  /** The text shown when there is nothing to draw. */
  empty: string;
}

const WIDTH = 640;
const ROW = 30;
const LABEL_END = 250;
const BAR_START = 258;
const BAR_END = 500;

function shorten(text: string, max = 34): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A horizontal bar chart drawn in SVG, with the same figures as a table right below it: the drawing is for the
 * eye (one image with a text title), the table for screen readers, keyboards and copying.
 */
export function BarChart({ title, valueLabel, bars, format, empty }: BarChartProps) {
  const id = useId();
  if (bars.length === 0) {
    return (
      <figure className="bar-chart">
        <figcaption className="bar-chart__title">{title}</figcaption>
        <p>{empty}</p>
      </figure>
    );
  }
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const height = bars.length * ROW;
  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-title`} className="bar-chart__title">
        {title}
      </figcaption>
      <svg className="bar-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-svg`}>
        <title id={`${id}-svg`}>{`${title}: ${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join('; ')}`}</title>
        {bars.map((bar, index) => {
          const y = index * ROW;
          const width = ((BAR_END - BAR_START) * bar.value) / max;
          return (
            <g key={`${bar.label}-${index}`} data-testid="bar">
              <text className="bar-chart__label" x={LABEL_END} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {shorten(bar.label)}
              </text>
              <rect
                className="bar-chart__bar"
                x={BAR_START}
                y={y + 6}
                width={bar.value > 0 ? Math.max(width, 1) : 0}
                height={ROW - 12}
              />
              <text className="bar-chart__value" x={BAR_START + width + 6} y={y + ROW / 2} dominantBaseline="middle">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="bar-chart__details">
        <summary>{valueLabel}</summary>
        <table className="table bar-chart__table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`}>
                <th scope="row">{bar.label}</th>
                <td>{format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
