// The centres a call can be notified to or handed to, with the kommuner each covers: fetched once
// per page load and shared by every component that asks (react-query); a failed load is tried
// again by the next component that mounts.
import type { CentreOption } from '@amk/contracts';
import { $api } from '../api/client.js';

const NONE: CentreOption[] = [];

/** Every centre; empty until loaded (or when loading failed). */
export function useCentres(): CentreOption[] {
  const { data } = $api.useQuery('get', '/api/v1/centres', undefined, {
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    select: (r) => r.centres,
  });
  return data ?? NONE;
}
