// A journal line in the reader's language: a line the system wrote carries a message key and its
// values (contracts/journal-messages.ts) and is worded from the dictionaries; what an operator
// typed, and lines written before keys existed, show as written.
import type { JournalEntry, JournalMessage } from '@amk/contracts';
import type { TranslationKey } from '../../i18n/i18n.js';

type Translate = (key: TranslationKey, vars?: Record<string, string | number>) => string;

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
  urgency: (v, t) => `${v} – ${t(`urgency.${v}` as TranslationKey)}`,
  from: (v, t) => `${v} – ${t(`urgency.${v}` as TranslationKey)}`,
  to: (v, t) => `${v} – ${t(`urgency.${v}` as TranslationKey)}`,
  level: (v, t) => t(`mi.level.${v}` as TranslationKey),
};

function journalMessageText(message: JournalMessage, t: Translate): string {
  const vars = Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, WORDED[name]?.(value, t) ?? value]));
  return t(`journal.${message.key}` as TranslationKey, vars);
}

export const journalText = (entry: JournalEntry, t: Translate): string =>
  entry.message ? journalMessageText(entry.message, t) : entry.text;
