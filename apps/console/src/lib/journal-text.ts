// A journal or log line in the reader's language: a line the system wrote in a call's journal or a
// major incident's log carries a message key and its values (contracts/journal-messages.ts) and is
// worded from the dictionaries; what an operator typed, and lines written before keys existed,
// show as written.
import type { JournalMessage } from '@amk/contracts';
import type { TranslationKey } from '../i18n/i18n.js';
import { clockShort } from './clock.js';

type Translate = (key: TranslationKey, vars?: Record<string, string | number>) => string;

const lower = (word: string) => word.toLocaleLowerCase();

/** Values that are codes, worded here; every other value is shown as it is. */
const WORDED: Record<string, (value: string, t: Translate) => string> = {
  fields: (v, t) =>
    v
      .split(',')
      .map((f) => t(`journal.field.${f}` as TranslationKey))
      .join(', '),
  recipients: (v, t) =>
    v
      .split(',')
      .map((r) => {
        const [code, centre] = r.split(/:(.*)/s);
        return centre ?? t(`recipient.${code}` as TranslationKey); // a centre of the installation by its name
      })
      .join(', '),
  outcome: (v, t) => t(`callbacks.outcome.${v}` as TranslationKey),
  // levels and categories stand inside a sentence: "registrert som rød", "erklært, gul beredskap"
  level: (v, t) => lower(t(`mi.level.${v}` as TranslationKey)),
  category: (v, t) => lower(t(`mi.cat.${v}` as TranslationKey)),
  fromCategory: (v, t) => lower(t(`mi.cat.${v}` as TranslationKey)),
  toCategory: (v, t) => lower(t(`mi.cat.${v}` as TranslationKey)),
  place: (v, t) => t(`mi.scene.${v}` as TranslationKey),
  role: (v, t) => t(`mi.scene.${v}` as TranslationKey),
  time: (v) => clockShort(v),
  neighbours: (v, t) => v || t('journal.none'),
  lvs: (v, t) => v || t('journal.none'),
  hospitals: (v, t) => v || t('journal.none'),
};

function journalMessageText(message: JournalMessage, t: Translate): string {
  const vars = Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, WORDED[name]?.(value, t) ?? value]));
  return t(`journal.${message.key}` as TranslationKey, vars);
}

export const journalText = (entry: { text: string; message: JournalMessage | null }, t: Translate): string =>
  entry.message ? journalMessageText(entry.message, t) : entry.text;
