// The demo region in Vestland: two AMK centres (Helse Bergen HF, Helse Førde HF), Bergen
// kommune's and Sunnfjord kommune's legevaktsentraler, with stations and units at real places.
// Data only; seed.ts writes it.
import type { Authorisation, UnitKind, UnitStatus } from '@amk/db';

export const demoCentres = [
  {
    code: 'AMK-BERGEN',
    name: 'AMK Bergen',
    kind: 'AMK',
    owner: 'Helse Bergen HF',
    region: 'Helse Vest',
    coordinatesRegion: true, // § 14 e: Helse Bergen's AMK coordinates the AMKs of Helse Vest
    lat: 60.3737,
    lon: 5.3579,
    kommuner: [
      '4601',
      '4627',
      '4626',
      '4631',
      '4624',
      '4630',
      '4628',
      '4623',
      '4625',
      '4621',
      '4622',
      '4632',
      '4633',
      '4634',
      '4629',
      '4616',
    ],
    neighbours: ['AMK-FORDE'],
    // § 15 p: AMK Førde takes Bergen's 113 lines if AMK Bergen must be evacuated, and the reverse
    backups: ['AMK-FORDE'],
  },
  {
    code: 'LVS-BERGEN',
    name: 'Legevaktsentralen i Bergen',
    kind: 'LVS',
    owner: 'Bergen kommune',
    region: null,
    coordinatesRegion: false,
    lat: 60.3806,
    lon: 5.3387,
    kommuner: ['4601'],
    neighbours: [],
    // § 12 d: the alternative answering point for Bergen's 116117
    backups: ['LVS-VOSS'],
  },
  {
    code: 'AMK-FORDE',
    name: 'AMK Førde',
    kind: 'AMK',
    owner: 'Helse Førde HF',
    region: 'Helse Vest',
    coordinatesRegion: false,
    lat: 61.46,
    lon: 5.8858,
    kommuner: [
      '4647',
      '4602',
      '4648',
      '4649',
      '4650',
      '4651',
      '4640',
      '4644',
      '4643',
      '4642',
      '4641',
      '4639',
      '4638',
      '4637',
      '4636',
      '4635',
      '4645',
      '4646',
    ],
    neighbours: ['AMK-BERGEN'],
    backups: ['AMK-BERGEN'],
  },
  {
    // A second legevaktsentral, in Helse Førde's area: the line AMK hands Sunnfjord's
    // general-practice calls to (§ 15 g), and the other LVS for LVS → LVS (§ 13 b).
    code: 'LVS-SUNNFJORD',
    name: 'Legevaktsentralen i Sunnfjord',
    kind: 'LVS',
    owner: 'Sunnfjord kommune',
    region: null,
    coordinatesRegion: false,
    lat: 61.4522,
    lon: 5.8572,
    kommuner: ['4647', '4645', '4646', '4637'],
    neighbours: [],
    backups: [],
  },
  {
    // Voss kommune's legevaktsentral: LVS Bergen's alternative answering point (§ 12 d), and Bergen its.
    code: 'LVS-VOSS',
    name: 'Legevaktsentralen på Voss',
    kind: 'LVS',
    owner: 'Voss herad',
    region: null,
    coordinatesRegion: false,
    lat: 60.6286,
    lon: 6.4142,
    kommuner: ['4621'],
    neighbours: [],
    backups: ['LVS-BERGEN'],
  },
] as const;

export const demoStations = [
  { centre: 'AMK-BERGEN', name: 'Bergen ambulansestasjon', lat: 60.3747, lon: 5.3531, kommunenummer: '4601' },
  { centre: 'AMK-BERGEN', name: 'Askøy ambulansestasjon', lat: 60.4085, lon: 5.2255, kommunenummer: '4627' },
  { centre: 'AMK-BERGEN', name: 'Knarvik ambulansestasjon', lat: 60.5463, lon: 5.2871, kommunenummer: '4631' },
  { centre: 'AMK-BERGEN', name: 'Os ambulansestasjon', lat: 60.1878, lon: 5.4681, kommunenummer: '4624' },
  { centre: 'AMK-BERGEN', name: 'Sotra ambulansestasjon', lat: 60.3575, lon: 5.1231, kommunenummer: '4626' },
  { centre: 'AMK-BERGEN', name: 'Voss ambulansestasjon', lat: 60.6286, lon: 6.4115, kommunenummer: '4621' },
  { centre: 'AMK-BERGEN', name: 'Norheimsund ambulansestasjon', lat: 60.3714, lon: 6.1439, kommunenummer: '4622' },
  { centre: 'AMK-BERGEN', name: 'Austevoll ambulansebåt', lat: 60.0966, lon: 5.2125, kommunenummer: '4625' },
  { centre: 'AMK-BERGEN', name: 'Luftambulansebase Bergen', lat: 60.2934, lon: 5.2181, kommunenummer: '4601' },
  { centre: 'LVS-BERGEN', name: 'Bergen legevakt', lat: 60.3806, lon: 5.3387, kommunenummer: '4601' },
  { centre: 'AMK-FORDE', name: 'Førde ambulansestasjon', lat: 61.4522, lon: 5.8572, kommunenummer: '4647' },
  { centre: 'AMK-FORDE', name: 'Florø ambulansestasjon', lat: 61.5996, lon: 5.0328, kommunenummer: '4602' },
  { centre: 'AMK-FORDE', name: 'Sogndal ambulansestasjon', lat: 61.2297, lon: 7.1006, kommunenummer: '4640' },
  { centre: 'AMK-FORDE', name: 'Nordfjordeid ambulansestasjon', lat: 61.9108, lon: 5.985, kommunenummer: '4649' },
  { centre: 'AMK-FORDE', name: 'Lærdal ambulansestasjon', lat: 61.0997, lon: 7.483, kommunenummer: '4642' },
  { centre: 'AMK-FORDE', name: 'Luftambulansebase Førde', lat: 61.3911, lon: 5.7569, kommunenummer: '4647' },
] as const;

type Crew = Authorisation[];
const CAR_CREW: Crew = ['PARAMEDIC', 'AMBULANCE_WORKER'];
const HELI_CREW: Crew = ['PILOT', 'DOCTOR', 'RESCUE_CREW'];

export const demoUnits: {
  callSign: string;
  kind: UnitKind;
  station: string;
  status?: UnitStatus;
  crew: Crew;
  offset?: [number, number];
  /** § 11 second paragraph: on call from home, with the car's low-volume exception */
  onCall?: { exemptionRef: string };
}[] = [
  { callSign: 'BGN-A11', kind: 'AMBULANCE_CAR', station: 'Bergen ambulansestasjon', crew: CAR_CREW },
  {
    callSign: 'BGN-A12',
    kind: 'AMBULANCE_CAR',
    station: 'Bergen ambulansestasjon',
    crew: CAR_CREW,
    status: 'AVAILABLE_ON_THE_MOVE',
    offset: [0.012, -0.02],
  },
  {
    callSign: 'BGN-A13',
    kind: 'AMBULANCE_CAR',
    station: 'Bergen ambulansestasjon',
    crew: CAR_CREW,
    status: 'AVAILABLE_ON_THE_MOVE',
    offset: [-0.03, 0.01],
  },
  { callSign: 'BGN-A14', kind: 'AMBULANCE_CAR', station: 'Bergen ambulansestasjon', crew: ['AMBULANCE_WORKER'] }, // a crew of one: fails § 11, so it is not recommended and is refused unless overridden
  { callSign: 'ASK-A21', kind: 'AMBULANCE_CAR', station: 'Askøy ambulansestasjon', crew: CAR_CREW },
  { callSign: 'KNV-A31', kind: 'AMBULANCE_CAR', station: 'Knarvik ambulansestasjon', crew: CAR_CREW },
  { callSign: 'OS-A41', kind: 'AMBULANCE_CAR', station: 'Os ambulansestasjon', crew: CAR_CREW },
  { callSign: 'SOT-A51', kind: 'AMBULANCE_CAR', station: 'Sotra ambulansestasjon', crew: CAR_CREW },
  { callSign: 'VOS-A61', kind: 'AMBULANCE_CAR', station: 'Voss ambulansestasjon', crew: CAR_CREW },
  { callSign: 'NHS-A71', kind: 'AMBULANCE_CAR', station: 'Norheimsund ambulansestasjon', crew: CAR_CREW },
  { callSign: 'AUS-B81', kind: 'AMBULANCE_BOAT', station: 'Austevoll ambulansebåt', crew: ['BOAT_DRIVER', 'AMBULANCE_WORKER'] },
  { callSign: 'LA-BGN', kind: 'HELICOPTER', station: 'Luftambulansebase Bergen', crew: HELI_CREW },
  { callSign: 'LV-BGN1', kind: 'LEGEVAKT_CAR', station: 'Bergen legevakt', crew: ['DOCTOR', 'OTHER'] },
  { callSign: 'FRD-A11', kind: 'AMBULANCE_CAR', station: 'Førde ambulansestasjon', crew: CAR_CREW },
  { callSign: 'FRD-A12', kind: 'AMBULANCE_CAR', station: 'Førde ambulansestasjon', crew: CAR_CREW },
  { callSign: 'FLO-A21', kind: 'AMBULANCE_CAR', station: 'Florø ambulansestasjon', crew: CAR_CREW },
  { callSign: 'SGN-A31', kind: 'AMBULANCE_CAR', station: 'Sogndal ambulansestasjon', crew: CAR_CREW },
  { callSign: 'EID-A41', kind: 'AMBULANCE_CAR', station: 'Nordfjordeid ambulansestasjon', crew: CAR_CREW },
  // Few acute missions a year in Lærdal: on call from home under the exception of § 11 second paragraph.
  {
    callSign: 'LRD-A51',
    kind: 'AMBULANCE_CAR',
    station: 'Lærdal ambulansestasjon',
    crew: CAR_CREW,
    onCall: { exemptionRef: 'Helse Førde HF, vedtak 2024/17: lavt antall akuttoppdrag' },
  },
  { callSign: 'LA-FRD', kind: 'HELICOPTER', station: 'Luftambulansebase Førde', crew: HELI_CREW },
];

export const demoUsers = [
  { username: 'amk.bergen', displayName: 'Ingrid Haugland', role: 'amk_operator', centre: 'AMK-BERGEN' },
  { username: 'amk.bergen2', displayName: 'Lars Bakke', role: 'amk_operator', centre: 'AMK-BERGEN' },
  { username: 'lege.bergen', displayName: 'AMK-lege Eva Lund', role: 'amk_doctor', centre: 'AMK-BERGEN' },
  { username: 'lv.bergen', displayName: 'Sofie Nilsen', role: 'lv_operator', centre: 'LVS-BERGEN' },
  { username: 'supervisor.bergen', displayName: 'Kari Vik', role: 'supervisor', centre: 'AMK-BERGEN' },
  { username: 'amk.forde', displayName: 'Ola Myklebust', role: 'amk_operator', centre: 'AMK-FORDE' },
  { username: 'supervisor.forde', displayName: 'Randi Bruland', role: 'supervisor', centre: 'AMK-FORDE' },
  { username: 'lv.voss', displayName: 'Nils Lid', role: 'lv_operator', centre: 'LVS-VOSS' },
  { username: 'lv.sunnfjord', displayName: 'Hilde Solheim', role: 'lv_operator', centre: 'LVS-SUNNFJORD' },
  { username: 'admin', displayName: 'Systemadministrator', role: 'admin', centre: 'AMK-BERGEN' },
  { username: 'responder.demo', displayName: 'Marte Akutthjelper', role: 'responder', centre: 'AMK-BERGEN' },
  { username: 'auditor.demo', displayName: 'Tilsynsrevisor', role: 'auditor', centre: 'AMK-BERGEN' },
] as const;

export const DEMO_PASSWORD = 'demo';

interface DemoMember {
  name: string;
  phone: string;
  /** a responder login, for the responder page */
  username?: string;
  /** the organisation's leader (sends test alerts) */
  isLeader?: boolean;
  lat?: number;
  lon?: number;
}

/** Akutthjelpere near Bergen: a fire station and a volunteer rescue team, with written agreements. */
export const demoAkutthjelpere: {
  organisation: string;
  kind: 'BRANN' | 'FORF';
  unit: { name: string; lat: number; lon: number };
  agreement: { kommuner: string[]; validFrom: string; validTo: string | null; documentRef: string };
  members: DemoMember[];
}[] = [
  {
    organisation: 'Bergen brannvesen',
    kind: 'BRANN',
    unit: { name: 'Bergen brannstasjon sentrum', lat: 60.3892, lon: 5.3313 },
    agreement: {
      kommuner: ['4601'],
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
      documentRef: 'Avtale Helse Bergen HF – Bergen kommune 2025',
    },
    members: [
      { name: 'Geir Brann', phone: '+4790010001' },
      { name: 'Hanne Brann', phone: '+4790010002' },
    ],
  },
  {
    organisation: 'Norsk Folkehjelp Bergen',
    kind: 'FORF',
    unit: { name: 'Norsk Folkehjelp Bergen', lat: 60.3802, lon: 5.3418 },
    agreement: {
      kommuner: ['4601', '4627'],
      validFrom: '2025-01-01',
      validTo: null,
      documentRef: 'Avtale Helse Bergen HF – Norsk Folkehjelp 2025',
    },
    members: [
      // The demo responder is in town, a few hundred metres from Torgallmenningen.
      // …and leads the team: she can send a test alert (ØVELSE/TEST) to its members' phones.
      { name: 'Marte Akutthjelper', phone: '+4790020001', username: 'responder.demo', lat: 60.3941, lon: 5.3262, isLeader: true },
      { name: 'Per Frivillig', phone: '+4790020002' },
      { name: 'Siri Frivillig', phone: '+4790020003' },
    ],
  },
  {
    organisation: 'Røde Kors Askøy',
    kind: 'FORF',
    unit: { name: 'Askøy Røde Kors Hjelpekorps', lat: 60.4085, lon: 5.2255 },
    // Expired: shows the refusal an operator gets when the agreement is no longer in force.
    agreement: { kommuner: ['4627'], validFrom: '2022-01-01', validTo: '2025-06-30', documentRef: 'Avtale 2022 (utløpt)' },
    members: [{ name: 'Ola Askøy', phone: '+4790030001' }],
  },
];
