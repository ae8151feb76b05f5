import { useSearchParams } from 'react-router';

/** The page's filter kept in the URL: the parameters, and a setter that drops a parameter set to nothing. */
export function useUrlFilter() {
  const [params, setParams] = useSearchParams();
  function update(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }
  return [params, update] as const;
}
