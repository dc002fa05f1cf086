// The call record's rules outside React: the fødselsnummer check as it is typed, the PATCH body of
// the patient form, which calls a call may be linked to and how they are named, and the one-shot
// "pick a point in the map" request.
import type { CallRecord, CallSummary } from '@amk/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { callLabel, linkCandidates } from '../src/calls/record/linked-calls.js';
import { nationalIdProblem, patientChanges, patientValues } from '../src/calls/record/patient-fields.js';
import { cancelPick, deliverPoint, isPicking, pickPoint, usePointPick } from '../src/store/point-pick.js';

describe('nationalIdProblem', () => {
  it('is silent for an empty field and a valid number, spaces allowed', () => {
    expect(nationalIdProblem('')).toBeNull();
    expect(nationalIdProblem('   ')).toBeNull();
    expect(nationalIdProblem('15019012155')).toBeNull();
    expect(nationalIdProblem('150190 12155')).toBeNull();
  });

  it('names the fault with the domain rule’s code, and the length typed', () => {
    expect(nationalIdProblem('1501901')).toEqual({ code: 'WRONG_LENGTH', length: 7 });
    expect(nationalIdProblem('1501901215x')).toEqual({ code: 'NOT_DIGITS', length: 11 });
    expect(nationalIdProblem('15019012156')).toEqual({ code: 'WRONG_CHECK_DIGIT', length: 11 });
    expect(nationalIdProblem('32019012351')).toEqual({ code: 'INVALID_DATE', length: 11 });
  });
});

describe('patientChanges', () => {
  it('sends only the edited fields; empty text clears a field', () => {
    expect(patientChanges({ patientName: '  Kari ', language: '' })).toEqual({ body: { patientName: 'Kari', language: null }, errors: {} });
    expect(patientChanges({})).toEqual({ body: null, errors: {} });
  });

  it('sends age as a number, sex as its code, birth date as a date, and clears them when emptied', () => {
    expect(patientChanges({ ageYears: '47', sex: 'FEMALE', birthDate: '1979-03-02' }).body).toEqual({
      ageYears: 47,
      sex: 'FEMALE',
      birthDate: '1979-03-02',
    });
    expect(patientChanges({ ageYears: '', sex: '', birthDate: '' }).body).toEqual({ ageYears: null, sex: null, birthDate: null });
  });

  it('sends nothing while a field is wrong', () => {
    expect(patientChanges({ ageYears: '131' })).toEqual({ body: null, errors: { ageYears: 'INVALID' } });
    expect(patientChanges({ ageYears: '4.5' }).errors).toEqual({ ageYears: 'INVALID' });
    expect(patientChanges({ birthDate: '2001-02-30x' }).errors).toEqual({ birthDate: 'INVALID' });
    expect(patientChanges({ nationalId: '15019012156', patientName: 'Ola' })).toEqual({
      body: null,
      errors: { nationalId: 'WRONG_CHECK_DIGIT' },
    });
  });

  it('sends a valid fødselsnummer without its spaces', () => {
    expect(patientChanges({ nationalId: ' 150190 12155 ' }).body).toEqual({ nationalId: '15019012155' });
  });

  it('the form starts from the record: no value is an empty field', () => {
    const values = patientValues({
      callerName: null,
      patientName: 'Kari',
      nationalId: null,
      addressText: null,
      language: null,
      birthDate: null,
      ageYears: 0,
      sex: null,
      interpreterUsed: false,
    } as CallRecord);
    expect(values).toEqual({
      callerName: '',
      patientName: 'Kari',
      nationalId: '',
      addressText: '',
      language: '',
      birthDate: '',
      ageYears: '0',
      sex: '',
      interpreterUsed: false,
    });
  });
});

const at = (minute: number) => `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;
const call = (id: string, over: Partial<CallSummary> = {}): CallSummary =>
  ({
    id,
    centreId: 'bergen',
    externalId: null,
    line: '113',
    source: 'MANUAL',
    state: 'ANSWERED',
    callerNumber: null,
    callerName: null,
    ringingAt: at(0),
    answeredAt: null,
    endedAt: null,
    operatorId: 'op',
    urgency: null,
    criterionCode: null,
    addressText: null,
    lat: null,
    lon: null,
    positionRadiusM: null,
    kommunenummer: null,
    summary: null,
    closedAt: null,
    updatedAt: at(0),
    ...over,
  }) as CallSummary;

describe('linkCandidates', () => {
  it('offers the other open calls of the centre not linked yet, the newest first', () => {
    const calls = [
      call('self', { ringingAt: at(5) }),
      call('old', { ringingAt: at(1) }),
      call('new', { ringingAt: at(9) }),
      call('linked', { ringingAt: at(3) }),
      call('closed', { closedAt: at(4) }),
      call('elsewhere', { centreId: 'forde' }),
    ];
    const record = {
      id: 'self',
      centreId: 'bergen',
      linkedCalls: [{ id: 'linked', ringingAt: at(3), callerNumber: null, state: 'ANSWERED' }],
    };
    expect(linkCandidates(calls, record).map((c) => c.id)).toEqual(['new', 'old']);
  });
});

describe('callLabel', () => {
  const words = {
    time: (iso: string) => iso.slice(11, 16),
    kommune: (n: string | null | undefined) => (n === '4601' ? 'Bergen' : null),
    unknownCaller: 'Ukjent innringer',
    noAddress: 'Ingen adresse',
  };

  it('names a call by caller, place and the time it rang', () => {
    expect(callLabel({ callerNumber: '91234567', callerName: 'Kari', addressText: 'Bryggen 1', ringingAt: at(42) }, words)).toBe(
      '91234567 Kari · Bryggen 1 · 10:42',
    );
  });

  it('falls back to the kommune, then to words for what is not known', () => {
    expect(callLabel({ callerNumber: null, kommunenummer: '4601', ringingAt: at(7) }, words)).toBe('Ukjent innringer · Bergen · 10:07');
    expect(callLabel({ callerNumber: '113', ringingAt: at(7) }, words)).toBe('113 · Ingen adresse · 10:07');
  });
});

describe('point pick', () => {
  afterEach(() => cancelPick());

  it('answers the pending request with the next click, once', async () => {
    const picked = pickPoint('call-1');
    expect(usePointPick.getState().owner).toBe('call-1');
    expect(isPicking()).toBe(true);
    expect(deliverPoint({ lat: 60.39, lon: 5.32 })).toBe(true);
    await expect(picked).resolves.toEqual({ lat: 60.39, lon: 5.32 });
    expect(usePointPick.getState().owner).toBeNull();
    expect(deliverPoint({ lat: 1, lon: 1 })).toBe(false); // an ordinary click afterwards is not taken
  });

  it('a new request replaces the pending one, which gets null', async () => {
    const first = pickPoint('call-1');
    const second = pickPoint('call-2');
    await expect(first).resolves.toBeNull();
    expect(usePointPick.getState().owner).toBe('call-2');
    deliverPoint({ lat: 2, lon: 3 });
    await expect(second).resolves.toEqual({ lat: 2, lon: 3 });
  });

  it('cancelling by owner drops only that owner’s request', async () => {
    const picked = pickPoint('call-1');
    cancelPick('call-2');
    expect(isPicking()).toBe(true);
    cancelPick('call-1');
    await expect(picked).resolves.toBeNull();
    expect(isPicking()).toBe(false);
  });
});
