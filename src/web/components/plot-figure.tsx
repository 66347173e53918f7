/**
 * A chart drawn by Observable Plot, made readable without sight or mouse:
 * the figure has a caption and a text description (`aria-describedby`), and
 * the numbers behind it are one keyboard step away as a table.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PlotFigure(props: {
  readonly caption: string;
  readonly description: string;
  readonly render: (width: number) => SVGSVGElement | HTMLElement;
  readonly table?: ReactNode;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { render } = props;
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    let chart: SVGSVGElement | HTMLElement | null = null;
    const draw = () => {
      const width = Math.max(320, Math.min(element.clientWidth, 1100));
      chart?.remove();
      chart = render(width);
      chart.setAttribute('aria-hidden', 'true');
      element.replaceChildren(chart);
    };
    draw();
    const observer = new ResizeObserver(() => {
      draw();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart?.remove();
    };
  }, [render]);
  const id = `figure-${props.caption.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-text`}>
      <figcaption id={`${id}-caption`}>{props.caption}</figcaption>
      <p id={`${id}-text`} className="chart-description">
        {props.description}
      </p>
      <div ref={container} className="chart-canvas" role="img" aria-label={props.caption} />
      {props.table === undefined ? null : (
        <details>
          <summary>Vis tallene bag figuren som tabel</summary>
          {props.table}
        </details>
      )}
    </figure>
  );
}
