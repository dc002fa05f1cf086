// Accept and decline for a call handed to my centre, in the queue's row and in the transfers panel
// alike; a refusal (another operator answered first) is said in the server's words.
import type { TransferSummary } from '@amk/contracts';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { answerTransfer } from './answer-transfer.js';

export function AnswerButtons({ transfer, className }: { transfer: TransferSummary; className: string }) {
  const t = useT();
  const answer = (decision: 'ACCEPT' | 'DECLINE') =>
    answerTransfer(transfer, decision).catch((e: unknown) => alert(e instanceof ApiError ? e.message : String(e)));
  return (
    <div className={className}>
      <button type="button" className="primary" onClick={() => answer('ACCEPT')}>
        {t('transfers.accept')}
      </button>
      <button type="button" onClick={() => answer('DECLINE')}>
        {t('transfers.decline')}
      </button>
    </div>
  );
}
