// What the akutthjelper pieces share: the tree's types, the event types with their Norwegian
// labels, and kommune names of my centre to show "4601 Bergen" rather than a bare number.
import { AkutthjelperEventType, type OrganisationTree } from '@amk/contracts';
import { useMemo } from 'react';
import { $api } from '../api/client.js';
import { useLoad, type T } from '../lib/form-kit.js';

export type Tree = ReturnType<typeof OrganisationTree.parse>;
type Org = Tree['organisations'][number];
export type Unit = Org['units'][number];
export type Member = Unit['members'][number];
export type Agreement = Unit['agreements'][number];

export const EVENT_TYPES = AkutthjelperEventType.options;
export const eventLabel = (t: T, e: string) =>
  (EVENT_TYPES as readonly string[]).includes(e) ? t(`event.${e as (typeof EVENT_TYPES)[number]}`) : e;

export function useKommuneNames(): Map<string, string> {
  const { data } = useLoad($api.useQuery('get', '/api/v1/kommuner'));
  return useMemo(() => new Map(data?.kommuner.map((k) => [k.nummer, k.navn]) ?? []), [data]);
}
export const kommuneText = (names: Map<string, string>, nr: string | null, unknown: string) =>
  nr ? (names.has(nr) ? `${nr} ${names.get(nr)}` : nr) : unknown;
