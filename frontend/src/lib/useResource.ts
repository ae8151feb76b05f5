import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: unknown };

/**
 * Loads data for a page and reloads it when its inputs change. A response that arrives
 * after the inputs changed again is dropped, so a slow answer never overwrites a newer one.
 */
export function useResource<T>(
  load: (() => Promise<T>) | null,
  deps: readonly unknown[],
): [Resource<T>, () => void, (data: T) => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!load) return;
    let current = true;
    setResource({ state: 'loading' });
    load().then(
      (data) => current && setResource({ state: 'ready', data }),
      (error: unknown) => current && setResource({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation, load === null]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => setResource({ state: 'ready', data }), []);
  return [resource, reload, replace];
}
