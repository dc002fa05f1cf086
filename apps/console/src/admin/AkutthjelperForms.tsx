// The administrator's forms for the akutthjelper scheme: a new organisation, unit, member or
// agreement. Each is checked with the contract's schema before it is sent; on an error (ours or
// the server's) everything typed stays in the form, and the tree is reloaded after a success.
import { norwegianDate } from '@amk/domain';
import { CreateAgreementRequest, CreateMemberRequest, CreateOrganisationRequest, CreateResponderUnitRequest } from '@amk/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useForm, useWatch, type DefaultValues, type FieldValues, type UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { EVENT_TYPES, eventLabel, type Tree } from './akutthjelper-kit.js';
import { DateFormField } from '../lib/date-time-input.js';
import { contractResolver, Field, messageOf, messages, Outcome, type T } from '../lib/form-kit.js';

/** One form: the contract's schema checks it, the input stays on failure, a success resets it. */
function useAdminForm<F extends FieldValues, B>(
  initial: F,
  opts: {
    schema: z.ZodType<B, F>;
    send(body: B): Promise<unknown>;
    hints?: Parameters<typeof contractResolver>[2];
    ok(f: F): string;
    after(): unknown;
    keepOnSuccess?: (keyof F)[];
  },
) {
  const t = useT();
  const form = useForm<F, unknown, B>({
    defaultValues: initial as DefaultValues<F>,
    resolver: contractResolver(opts.schema, t, opts.hints),
    reValidateMode: 'onSubmit', // a field's error changes when the form is saved again, as before
    shouldFocusError: false,
  });
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const busy = form.formState.isSubmitting;
  const save = form.handleSubmit(
    async (body) => {
      try {
        const values = form.getValues();
        await opts.send(body);
        setOutcome({ ok: opts.ok(values), error: null });
        const kept = Object.fromEntries((opts.keepOnSuccess ?? []).map((k) => [k, values[k]]));
        form.reset({ ...initial, ...kept });
        await opts.after();
      } catch (err) {
        setOutcome({ ok: null, error: messageOf(err) });
      }
    },
    () => setOutcome({ ok: null, error: null }),
  );
  const submit = (e: FormEvent) => (busy ? e.preventDefault() : void save(e));
  return { register: form.register, control: form.control, errors: messages(form.formState.errors), outcome, busy, submit };
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

function AdminForm({
  title,
  onSubmit,
  busy,
  submitLabel,
  children,
  outcome,
}: {
  title: string;
  onSubmit(e: FormEvent): void;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
  outcome: { ok: string | null; error: string | null };
}) {
  return (
    <form onSubmit={onSubmit} className="adm-form" aria-label={title} noValidate>
      <h3>{title}</h3>
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      <Outcome {...outcome} />
    </form>
  );
}

export function AkutthjelperForms({ tree, names, onChanged }: { tree: Tree; names: Map<string, string>; onChanged(): unknown }) {
  const t = useT();
  const [open, setOpen] = useState<'agreement' | 'member' | 'unit' | 'organisation'>('agreement');
  const units = tree.organisations.flatMap((o) => o.units.map((u) => ({ id: u.id, label: `${o.name}: ${u.name}` })));
  const kinds = [
    ['agreement', 'admin.newAgreement'],
    ['member', 'adm.member.new'],
    ['unit', 'adm.unit.new'],
    ['organisation', 'adm.org.new'],
  ] as const;
  return (
    <div className="adm-forms">
      <fieldset className="adm-form-tabs bare" aria-label={t('adm.forms')}>
        {kinds.map(([k, label]) => (
          <button key={k} type="button" aria-pressed={open === k} onClick={() => setOpen(k)}>
            {t(label)}
          </button>
        ))}
      </fieldset>
      {/* kept mounted so a half-filled form survives switching to another */}
      <div hidden={open !== 'agreement'}>
        <AgreementForm t={t} units={units} names={names} onChanged={onChanged} />
      </div>
      <div hidden={open !== 'member'}>
        <MemberForm t={t} units={units} onChanged={onChanged} />
      </div>
      <div hidden={open !== 'unit'}>
        <UnitForm t={t} organisations={tree.organisations} onChanged={onChanged} />
      </div>
      <div hidden={open !== 'organisation'}>
        <OrganisationForm t={t} onChanged={onChanged} />
      </div>
    </div>
  );
}

type UnitOption = { id: string; label: string };

function UnitSelect({ t, units, field, error }: { t: T; units: UnitOption[]; field: UseFormRegisterReturn; error?: string | undefined }) {
  return (
    <Field label={t('admin.unit')} error={error}>
      <select {...field} aria-invalid={!!error}>
        <option value="">{t('adm.choose')}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

const splitKommuner = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/** The contract's own schemas over what the inputs hold: lists from text, blanks left out or null, numbers from text. */
const Agreement = z.preprocess(
  (v: {
    unitId: string;
    kommuner: string;
    eventTypes: string[];
    validFrom: string;
    validTo: string;
    documentRef: string;
    alertVia: 'MEMBERS' | 'FIRE_CENTRE';
  }) => ({
    unitId: v.unitId,
    kommuner: splitKommuner(v.kommuner),
    eventTypes: v.eventTypes,
    validFrom: v.validFrom,
    validTo: v.validTo || null,
    ...(v.documentRef.trim() && { documentRef: v.documentRef.trim() }),
    alertVia: v.alertVia,
  }),
  CreateAgreementRequest,
);

const Member = z.preprocess(
  (v: {
    unitId: string;
    name: string;
    phone: string;
    trainingValidUntil: string;
    onDuty: boolean;
    username: string;
    isLeader: boolean;
  }) => ({
    unitId: v.unitId,
    name: v.name,
    phone: v.phone.replace(/[\s-]/g, ''),
    trainingValidUntil: v.trainingValidUntil || null,
    onDuty: v.onDuty,
    isLeader: v.isLeader,
    ...(v.username.trim() && { username: v.username.trim() }),
  }),
  CreateMemberRequest,
);

const ResponderUnit = z.preprocess(
  (v: { organisationId: string; name: string; lat: string; lon: string }) => ({
    organisationId: v.organisationId,
    name: v.name,
    lat: num(v.lat),
    lon: num(v.lon),
  }),
  CreateResponderUnitRequest,
);

function AgreementForm({ t, units, names, onChanged }: { t: T; units: UnitOption[]; names: Map<string, string>; onChanged(): unknown }) {
  const f = useAdminForm(
    {
      unitId: '',
      kommuner: '',
      eventTypes: [] as string[],
      validFrom: norwegianDate(new Date()),
      validTo: '',
      documentRef: '',
      alertVia: 'MEMBERS' as 'MEMBERS' | 'FIRE_CENTRE',
    },
    {
      schema: Agreement,
      send: (body) => ok(client.POST('/api/v1/akutthjelper/agreements', { body })),
      hints: {
        unitId: 'adm.err.unit',
        kommuner: 'adm.err.kommuner',
        validFrom: 'adm.err.date',
        validTo: 'adm.err.validTo',
        eventTypes: 'adm.err.chooseOne',
      },
      ok: (v) => t('adm.agreement.created', { kommuner: v.kommuner }),
      after: onChanged,
    },
  );
  const { register, errors } = f;
  const typed = splitKommuner(useWatch({ control: f.control, name: 'kommuner' }));
  const unknown = typed.filter((k) => /^\d{4}$/.test(k) && names.size > 0 && !names.has(k));
  return (
    <AdminForm title={t('admin.newAgreement')} onSubmit={f.submit} busy={f.busy} submitLabel={t('admin.save')} outcome={f.outcome}>
      <UnitSelect t={t} units={units} field={register('unitId')} error={errors.unitId} />
      <Field label={t('admin.kommuner')} error={errors.kommuner}>
        <input {...register('kommuner')} placeholder="4601, 4627" inputMode="numeric" aria-invalid={!!errors.kommuner} />
        {typed.length > 0 && !errors.kommuner && (
          <span className="hint">
            {typed.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join(', ')}
            {unknown.length > 0 && <span className="warn-text"> · {t('adm.agreement.otherCentre', { list: unknown.join(', ') })}</span>}
          </span>
        )}
      </Field>
      <fieldset className={errors.eventTypes ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('adm.agreement.eventTypes')}</legend>
        {EVENT_TYPES.map((et) => (
          <label key={et} className="check">
            <input type="checkbox" {...register('eventTypes')} value={et} />
            {eventLabel(t, et)}
          </label>
        ))}
        {errors.eventTypes && <span className="field-error">{errors.eventTypes}</span>}
      </fieldset>
      <div className="row">
        <DateFormField control={f.control} name="validFrom" label={t('adm.agreement.validFrom')} error={errors.validFrom} />
        <DateFormField control={f.control} name="validTo" label={t('adm.agreement.validTo')} error={errors.validTo} />
      </div>
      <Field label={t('adm.agreement.documentRef')} error={errors.documentRef}>
        <input {...register('documentRef')} />
      </Field>
      <Field label={t('adm.agreement.alertVia')} error={errors.alertVia}>
        <select {...register('alertVia')}>
          <option value="MEMBERS">{t('adm.agreement.alertVia.MEMBERS')}</option>
          <option value="FIRE_CENTRE">{t('adm.agreement.alertVia.FIRE_CENTRE')}</option>
        </select>
      </Field>
    </AdminForm>
  );
}

function MemberForm({ t, units, onChanged }: { t: T; units: UnitOption[]; onChanged(): unknown }) {
  const f = useAdminForm(
    { unitId: '', name: '', phone: '', trainingValidUntil: '', onDuty: false, username: '', isLeader: false },
    {
      schema: Member,
      send: (body) => ok(client.POST('/api/v1/akutthjelper/members', { body })),
      hints: { unitId: 'adm.err.unit', phone: 'adm.err.phone', trainingValidUntil: 'adm.err.date' },
      ok: (v) => t('adm.member.created', { name: v.name.trim() }),
      after: onChanged,
      keepOnSuccess: ['unitId'],
    },
  );
  const { register, errors } = f;
  return (
    <AdminForm title={t('adm.member.new')} onSubmit={f.submit} busy={f.busy} submitLabel={t('admin.save')} outcome={f.outcome}>
      <UnitSelect t={t} units={units} field={register('unitId')} error={errors.unitId} />
      <Field label={t('adm.member.name')} error={errors.name}>
        <input {...register('name')} aria-invalid={!!errors.name} />
      </Field>
      <div className="row">
        <Field label={t('adm.member.phone')} error={errors.phone}>
          <input {...register('phone')} inputMode="tel" placeholder="+4790000000" aria-invalid={!!errors.phone} />
        </Field>
        <DateFormField
          control={f.control}
          name="trainingValidUntil"
          label={t('adm.member.trainingUntil')}
          error={errors.trainingValidUntil}
        />
      </div>
      <Field label={t('adm.member.username')} error={errors.username}>
        <input {...register('username')} autoComplete="off" />
        <span className="hint">{t('adm.member.usernameHint')}</span>
      </Field>
      <label className="check">
        <input type="checkbox" {...register('onDuty')} /> {t('adm.member.onDutyNow')}
      </label>
      <label className="check">
        <input type="checkbox" {...register('isLeader')} /> {t('adm.member.leader')}
        <span className="hint">{t('adm.member.leaderHint')}</span>
      </label>
    </AdminForm>
  );
}

function UnitForm({ t, organisations, onChanged }: { t: T; organisations: Tree['organisations']; onChanged(): unknown }) {
  const f = useAdminForm(
    { organisationId: '', name: '', lat: '', lon: '' },
    {
      schema: ResponderUnit,
      send: (body) => ok(client.POST('/api/v1/akutthjelper/units', { body })),
      hints: { organisationId: 'adm.err.organisation', lat: 'adm.err.lat', lon: 'adm.err.lon' },
      ok: (v) => t('adm.unit.created', { name: v.name.trim() }),
      after: onChanged,
      keepOnSuccess: ['organisationId'],
    },
  );
  const { register, errors } = f;
  return (
    <AdminForm title={t('adm.unit.new')} onSubmit={f.submit} busy={f.busy} submitLabel={t('admin.save')} outcome={f.outcome}>
      <Field label={t('adm.org')} error={errors.organisationId}>
        <select {...register('organisationId')} aria-invalid={!!errors.organisationId}>
          <option value="">{t('adm.choose')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('adm.unit.name')} error={errors.name}>
        <input {...register('name')} aria-invalid={!!errors.name} />
      </Field>
      <div className="row">
        <Field label={t('adm.unit.lat')} error={errors.lat}>
          <input {...register('lat')} inputMode="decimal" placeholder="60.3913" aria-invalid={!!errors.lat} />
        </Field>
        <Field label={t('adm.unit.lon')} error={errors.lon}>
          <input {...register('lon')} inputMode="decimal" placeholder="5.3221" aria-invalid={!!errors.lon} />
        </Field>
      </div>
    </AdminForm>
  );
}

function OrganisationForm({ t, onChanged }: { t: T; onChanged(): unknown }) {
  const f = useAdminForm(
    { name: '', kind: 'FORF' as const },
    {
      schema: CreateOrganisationRequest,
      send: (body) => ok(client.POST('/api/v1/akutthjelper/organisations', { body })),
      ok: (v) => t('adm.org.created', { name: v.name.trim() }),
      after: onChanged,
    },
  );
  const { register, errors } = f;
  return (
    <AdminForm title={t('adm.org.new')} onSubmit={f.submit} busy={f.busy} submitLabel={t('admin.save')} outcome={f.outcome}>
      <Field label={t('adm.org.name')} error={errors.name}>
        <input {...register('name')} aria-invalid={!!errors.name} />
      </Field>
      <Field label={t('adm.org.kind')} error={errors.kind}>
        <select {...register('kind')}>
          <option value="BRANN">{t('adm.kind.BRANN')}</option>
          <option value="FORF">{t('adm.kind.FORF')}</option>
        </select>
      </Field>
    </AdminForm>
  );
}
