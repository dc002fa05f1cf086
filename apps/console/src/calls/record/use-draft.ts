// A form over a record that others change while the operator types (an AML position arrives, a
// colleague writes in the journal). A field the operator has not touched follows the server; a
// field they have edited keeps their text until it is saved or they undo it. Nothing typed is lost.
import { useState } from 'react';

export interface Draft<V extends Record<string, unknown>> {
  /** What the form shows: the server's values, overlaid with the operator's edits. */
  values: V;
  /** The operator's unsaved edits, field by field. */
  edits: Partial<V>;
  set<K extends keyof V>(key: K, value: V[K]): void;
  /** Drop the operator's edit of one field: it follows the server again. */
  undo(key: keyof V): void;
  /** The server now has these values: edits equal to them are done. Later typing stays. */
  saved(sent: Partial<V>): void;
  /** The server changed this edited field since the operator started: its value now, else undefined. */
  changedUnder<K extends keyof V>(key: K): V[K] | undefined;
}

export function useDraft<V extends Record<string, unknown>>(server: V): Draft<V> {
  const [edits, setEdits] = useState<Partial<V>>({});
  // The server's value when the operator began editing each field, to tell them it moved since.
  const [bases, setBases] = useState<Partial<V>>({});
  return {
    values: { ...server, ...edits },
    edits,
    set(key, value) {
      if (!(key in bases)) setBases((b) => ({ ...b, [key]: server[key] }));
      setEdits((e) => ({ ...e, [key]: value }));
    },
    undo(key) {
      setEdits((e) => drop(e, [key as string]));
      setBases((b) => drop(b, [key as string]));
    },
    saved(sent) {
      const done = (e: Partial<V>) => Object.keys(sent).filter((k) => Object.is(e[k], sent[k]));
      setEdits((e) => drop(e, done(e)));
      setBases((b) => drop(b, done(edits)));
    },
    changedUnder(key) {
      return key in edits && key in bases && !Object.is(bases[key], server[key]) && !Object.is(edits[key], server[key])
        ? server[key]
        : undefined;
    },
  };
}

function drop<T extends Record<string, unknown>>(record: T, keys: string[]): T {
  const copy = { ...record };
  for (const k of keys) delete copy[k];
  return copy;
}
