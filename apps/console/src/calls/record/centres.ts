// The centres a call can be notified to or handed to, fetched once per page load.
import type { CentreRef } from '@amk/contracts';
import { api } from '../../api/http.js';

let centresPromise: Promise<CentreRef[]> | null = null;

export function allCentres(): Promise<CentreRef[]> {
  return (centresPromise ??= api<{ centres: CentreRef[] }>('GET', '/centres').then((r) => r.centres, (e: unknown) => {
    centresPromise = null; // try again next time
    throw e;
  }));
}
