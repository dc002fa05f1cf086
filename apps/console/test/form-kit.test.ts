// The forms' resolver: the contract's own schema checks what the inputs hold, and every field gets
// one message in the console's language (its hint, else required / a number / choose one).
import { CreateAgreementRequest, CreateResponderUnitRequest } from '@amk/contracts';
import type { FieldValues, Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translate } from '../src/i18n/i18n.js';
import { contractResolver, messages, type T } from '../src/lib/form-kit.js';

const t = ((key: Parameters<T>[0], vars?: Parameters<T>[1]) => translate('en', key, vars)) as T;
const run = <I extends FieldValues, O>(resolver: Resolver<I, unknown, O>, values: I) =>
  resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

const Agreement = z.preprocess(
  (v: { unitId: string; kommuner: string; eventTypes: string[]; validFrom: string }) => ({
    ...v,
    kommuner: v.kommuner.split(/[\s,;]+/).filter(Boolean),
  }),
  CreateAgreementRequest,
);
const Unit = z.preprocess(
  (v: { organisationId: string; name: string; lat: string; lon: string }) => ({ ...v, lat: Number(v.lat), lon: Number(v.lon) }),
  CreateResponderUnitRequest,
);

describe('contractResolver', () => {
  it('passes the parsed request on when the form is valid', async () => {
    const unitId = crypto.randomUUID();
    const result = await run(contractResolver(Agreement, t), {
      unitId,
      kommuner: '4601, 4627',
      eventTypes: ['HJERTESTANS'],
      validFrom: '2026-12-03',
    });
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ unitId, kommuner: ['4601', '4627'], eventTypes: ['HJERTESTANS'], validFrom: '2026-12-03' });
  });

  it('gives one message per field: the hint, an element error as the field’s own, choose one, required, a number', async () => {
    const agreement = await run(contractResolver(Agreement, t, { unitId: 'adm.err.unit' }), {
      unitId: '',
      kommuner: '46x1',
      eventTypes: [],
      validFrom: '2026-12-03',
    });
    expect(messages(agreement.errors)).toEqual({
      unitId: t('adm.err.unit'),
      kommuner: 'a kommunenummer has four digits',
      eventTypes: t('adm.err.chooseOne'),
    });
    const unit = await run(contractResolver(Unit, t), { organisationId: crypto.randomUUID(), name: '', lat: 'nord', lon: '5.3' });
    expect(messages(unit.errors)).toEqual({ name: t('adm.err.required'), lat: t('adm.err.number') });
  });
});
