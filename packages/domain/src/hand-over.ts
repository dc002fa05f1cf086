// Which centre may hand a call to which (akuttmedisinforskriften):
//   § 13 b  LVS → AMK (acute), LVS → another LVS (øyeblikkelig hjelp), or conference-connected;
//   § 15 e  AMK → another AMK that is affected (e.g. the caller is in its area);
//   § 15 g  AMK → the LVS, for general-practice questions, "på forhåndsdefinerte linjer": to the
//           LVS that covers the patient's kommune, not any LVS.
// The verdict names the legal basis when allowed and, when not, why: a code with what a message
// needs (the server words it in the reader's language) and the reason in Norwegian.

export type HandOverCentreKind = 'AMK' | 'LVS';

export interface HandOverCentre {
  code: string;
  kind: HandOverCentreKind;
  /** kommunenummer the centre covers */
  kommuner: readonly string[];
}

export interface HandOverPair {
  from: HandOverCentreKind;
  to: HandOverCentreKind;
  basis: string;
  /** the receiving centre must cover the patient's kommune */
  mustCoverKommune: boolean;
}

/** Every kind of hand-over the law allows; a pair not listed is refused. */
export const HAND_OVER_PAIRS: readonly HandOverPair[] = [
  { from: 'LVS', to: 'AMK', basis: '§ 13 b', mustCoverKommune: false },
  { from: 'LVS', to: 'LVS', basis: '§ 13 b', mustCoverKommune: false },
  { from: 'AMK', to: 'AMK', basis: '§ 15 e', mustCoverKommune: false },
  { from: 'AMK', to: 'LVS', basis: '§ 15 g', mustCoverKommune: true },
];

export type HandOverRefusal =
  | { code: 'SAME_CENTRE'; to: string }
  | { code: 'NOT_ALLOWED'; fromKind: HandOverCentreKind; toKind: HandOverCentreKind }
  | { code: 'KOMMUNE_UNKNOWN'; basis: string }
  | { code: 'KOMMUNE_NOT_COVERED'; to: string; kommunenummer: string; basis: string; right: string[] };

export type HandOverVerdict = { ok: true; basis: string } | ({ ok: false; reason: string } & HandOverRefusal);

const KIND_WORD: Record<HandOverCentreKind, string> = { AMK: 'AMK-sentral', LVS: 'legevaktsentral' };

/**
 * May `from` hand a call whose patient is in `kommunenummer` (null: not known) to `to`?
 * `centres` (optional) lets a refusal name the LVS that does cover the kommune.
 */
export function handOverVerdict(
  from: HandOverCentre,
  to: HandOverCentre,
  kommunenummer: string | null,
  centres: readonly HandOverCentre[] = [],
): HandOverVerdict {
  if (from.code === to.code)
    return { ok: false, code: 'SAME_CENTRE', to: to.code, reason: `Henvendelsen er allerede hos ${to.code}: velg en annen sentral` };
  const pair = HAND_OVER_PAIRS.find((p) => p.from === from.kind && p.to === to.kind);
  if (!pair)
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      fromKind: from.kind,
      toKind: to.kind,
      reason: `En ${KIND_WORD[from.kind]} kan ikke overføre til en ${KIND_WORD[to.kind]}`,
    };
  if (pair.mustCoverKommune) {
    if (!kommunenummer) {
      return {
        ok: false,
        code: 'KOMMUNE_UNKNOWN',
        basis: pair.basis,
        reason: `Pasientens kommune er ukjent: sett posisjon eller kommune før overføring til legevaktsentral (${pair.basis}, forhåndsdefinerte linjer)`,
      };
    }
    if (!to.kommuner.includes(kommunenummer)) {
      const right = coveringCentres(kommunenummer, to.kind, centres).map((c) => c.code);
      const hint = right.length
        ? `; riktig legevaktsentral er ${right.join(' eller ')}`
        : '; ingen legevaktsentral i løsningen dekker kommunen';
      return {
        ok: false,
        code: 'KOMMUNE_NOT_COVERED',
        to: to.code,
        kommunenummer,
        basis: pair.basis,
        right,
        reason: `${to.code} dekker ikke pasientens kommune (${kommunenummer}) (${pair.basis}, forhåndsdefinerte linjer)${hint}`,
      };
    }
  }
  return { ok: true, basis: pair.basis };
}

/** The centres of a kind that cover a kommune: for AMK → LVS, the line to offer. */
export function coveringCentres<C extends HandOverCentre>(
  kommunenummer: string | null,
  kind: HandOverCentreKind,
  centres: readonly C[],
): C[] {
  if (!kommunenummer) return [];
  return centres.filter((c) => c.kind === kind && c.kommuner.includes(kommunenummer));
}

/** The centres `from` may hand this call to, in the order offered (the covering LVS first). */
export function handOverTargets<C extends HandOverCentre>(from: HandOverCentre, kommunenummer: string | null, centres: readonly C[]): C[] {
  return centres
    .filter((c) => handOverVerdict(from, c, kommunenummer).ok)
    .sort(
      (a, b) =>
        Number(b.kommuner.includes(kommunenummer ?? '')) - Number(a.kommuner.includes(kommunenummer ?? '')) || a.code.localeCompare(b.code),
    );
}
