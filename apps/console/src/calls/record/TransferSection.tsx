// Hand the call to another centre where the law allows it (packages/domain hand-over.ts):
// LVS → AMK or another LVS (§ 13 b), AMK → another AMK (§ 15 e), AMK → the LVS that covers the
// patient's kommune (§ 15 g, "forhåndsdefinerte linjer"): that LVS is offered first, and no other.
// A red call at the legevaktsentral prompts the operator to hand it to AMK. The hand-over can be
// marked as conference-connected (the caller stays on the line while the other centre joins).
import { handOverTargets } from '@amk/domain';
import { RequestTransferRequest, type CallRecord } from '@amk/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { useCentres } from '../../lib/centres.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

interface TransferFields {
  to: string;
  reason: string;
  conference: boolean;
}

export function TransferSection({ record }: { record: CallRecord }) {
  const t = useT();
  const me = useConsole((s) => s.centre);
  const pending = Object.values(useConsole((s) => s.transfers)).find((x) => x.callId === record.id && x.state === 'REQUESTED');
  const centres = useCentres();
  const [msg, setMsg] = useState<string | null>(null);
  const own = centres.find((c) => c.id === me?.id);
  const targets = own ? handOverTargets(own, record.kommunenummer, centres) : [];
  // The first target is the right line (the covering LVS first); keep the operator's own choice.
  const choice = (to: string) => targets.find((c) => c.code === to) ?? targets[0];
  const lvsNeedsKommune = me?.kind === 'AMK' && !record.kommunenummer;
  // The contract's own schema over the form: the chosen centre's code, the reason, the conference mark.
  const Transfer = z.preprocess(
    (f: TransferFields) => ({ toCentre: choice(f.to)?.code ?? '', reason: f.reason, ...(f.conference && { conference: true }) }),
    RequestTransferRequest,
  );
  const form = useForm<TransferFields, unknown, z.output<typeof RequestTransferRequest>>({
    defaultValues: { to: '', reason: '', conference: false },
    resolver: zodResolver(Transfer),
    shouldFocusError: false,
  });
  const [to, reason] = useWatch({ control: form.control, name: ['to', 'reason'] });
  const chosen = choice(to);

  const submit = form.handleSubmit(async (body) => {
    try {
      useConsole
        .getState()
        .upsertTransfer(await ok(client.POST('/api/v1/calls/{id}/transfers', { params: { path: { id: record.id } }, body })));
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  });
  const red = me?.kind === 'LVS' && record.urgency === 'A';
  return (
    <form className={`section ${red ? 'prompt' : ''}`} onSubmit={(e) => void submit(e)}>
      <h3>{t('record.transfer')}</h3>
      {red && !pending && (
        <p role="alert" className="prompt-text">
          {t('record.redToAmk')}
        </p>
      )}
      {pending ? (
        <p className="muted">
          {t('transfers.outgoing', { centre: pending.toCentre.name })}: {t('transfer.REQUESTED')}
        </p>
      ) : (
        <>
          <label>
            {t('record.transferTo', { centre: '' })}
            <select value={chosen?.code ?? ''} onChange={(e) => form.setValue('to', e.target.value)}>
              {(['AMK', 'LVS'] as const).map((kind) => {
                const ofKind = targets.filter((c) => c.kind === kind);
                return ofKind.length ? (
                  <optgroup key={kind} label={t(kind === 'AMK' ? 'notify.groupAMK' : 'notify.groupLVS')}>
                    {ofKind.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          </label>
          {lvsNeedsKommune && <p className="muted">{t('transfers.needKommune')}</p>}
          <label>
            {t('record.transferReason')}
            <input {...form.register('reason')} />
          </label>
          <label className="inline">
            <input type="checkbox" {...form.register('conference')} />
            {t('transfers.conference')}
          </label>
          <button type="submit" disabled={!chosen || !reason.trim()}>
            {t('record.transferTo', { centre: chosen?.code ?? '' })}
          </button>
        </>
      )}
      <ErrorLine error={msg} />
    </form>
  );
}
