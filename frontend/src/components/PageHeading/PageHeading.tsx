import { useEffect, useRef, type ReactNode } from 'react';
import './PageHeading.css';

let firstPageShown = false;

/**
 * The page's h1. After an in-app navigation it takes the focus, so keyboard and screen-reader
 * users start reading the new page from its top, as after a full page load; on the first page
 * of a visit the focus stays where the browser put it.
 */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Decided once per mount, so that a re-run of the effect (React's strict mode) decides the same.
  const takesFocus = useRef<boolean | null>(null);
  useEffect(() => {
    if (takesFocus.current === null) {
      takesFocus.current = firstPageShown;
      firstPageShown = true;
    }
    if (takesFocus.current) ref.current?.focus();
  }, []);
  return (
    <div className="page-heading">
      {caption ? <p className="page-heading__caption">{caption}</p> : null}
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </div>
  );
}
