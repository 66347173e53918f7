/**
 * The frame of every page: the title in the tab and as the page's h1 (which
 * takes the focus after a client-side navigation, so a screen reader says
 * where the user is), and the states of loading data.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Loaded } from '../use-api.js';

let pagesShown = 0;

export function Page(props: {
  readonly title: string;
  readonly lead?: ReactNode;
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} – tilsyn`;
    // After a navigation inside the app, the new page's heading takes the focus
    // (a screen reader announces it); on the first page the browser's own start stays.
    if (pagesShown > 0) heading.current?.focus({ preventScroll: true });
    pagesShown += 1;
  }, [props.title]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {props.title}
          </h1>
          {props.lead === undefined ? null : <p className="lead">{props.lead}</p>}
        </div>
        {props.actions === undefined ? null : <div className="page-actions">{props.actions}</div>}
      </div>
      {props.children}
    </>
  );
}

/** Renders the data when it is there, else a loading line or the error. */
export function Data<T>(props: {
  readonly loaded: Loaded<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const { loaded } = props;
  if (loaded.state === 'loading')
    return (
      <p className="loading" role="status">
        Henter data …
      </p>
    );
  if (loaded.state === 'error')
    return (
      <p className="error" role="alert">
        {loaded.error.message}
      </p>
    );
  return <>{props.children(loaded.data)}</>;
}

export function ErrorMessage({ error }: { readonly error: string | null }) {
  return error === null ? null : (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
