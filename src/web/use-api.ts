/** Data of one GET request for a component: loading, the data, or the error; `reload` fetches again. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly data: T };

interface Answer<T> {
  readonly key: string;
  readonly result: Loaded<T>;
}

/** GET `path` (none while `path` is null); the result of an earlier path is never shown for a new one, while a reload shows the last answer until the new one comes. */
export function useApi<T>(path: string | null): Loaded<T> & { readonly reload: () => void } {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  // A reload keeps showing the data of the same path until the new answer comes.
  const key = path ?? '';
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal }).then(
      (data) => {
        setAnswer({ key, result: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({
          key,
          result: {
            state: 'error',
            error:
              error instanceof ApiError
                ? error
                : new ApiError(0, 'Serveren kunne ikke nås. Prøv igen.'),
          },
        });
      },
    );
    return () => {
      controller.abort();
    };
  }, [path, key, generation]);
  const result: Loaded<T> =
    answer !== null && answer.key === key ? answer.result : { state: 'loading' };
  return { ...result, reload };
}
