// The centres a call can be notified to or handed to, with the kommuner each covers, fetched once
// per page load.
import type { CentreOption } from '@amk/contracts';
import { api } from '../../api/http.js';

let centresPromise: Promise<CentreOption[]> | null = null;

export function allCentres(): Promise<CentreOption[]> {
  centresPromise ??= api<{ centres: CentreOption[] }>('GET', '/centres').then(
    (r) => r.centres,
    (e: unknown) => {
      centresPromise = null; // try again next time
      throw e;
    },
  );
  return centresPromise;
}
