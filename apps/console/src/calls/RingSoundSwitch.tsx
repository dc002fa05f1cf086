// The header's switch for the queue's optional ring (ring-sound.ts): pressed means on.
import { useT } from '../i18n/i18n.js';
import { useRingSound } from './ring-sound.js';

export function RingSoundSwitch() {
  const t = useT();
  const { on, toggle } = useRingSound();
  return (
    <button type="button" aria-pressed={on} onClick={toggle} title={t('header.ringSoundHint')}>
      {t('header.ringSound')}
    </button>
  );
}
