import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/http.js';

/** GETs a path, with a reload function and the server's message on failure. */
export function useLoad<T>(path: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => api<T>('GET', path).then((d) => { setData(d); setError(null); }, (e) => setError(e instanceof ApiError ? e.message : String(e))), [path]);
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}

/** Runs a write; returns the server's message on failure (what the admin typed stays). */
export async function attempt(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.message : String(e);
  }
}
