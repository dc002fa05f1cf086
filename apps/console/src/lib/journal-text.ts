// A journal or log line in the reader's language: a line the system wrote in a call's journal or a
// major incident's log carries a message key and its values (contracts/journal-messages.ts) and is
// worded from the dictionaries; what an operator typed, and lines written before keys existed,
// show as written.
import type { JournalMessage } from '@amk/contracts';
import type { TranslationKey } from '../i18n/i18n.js';
import { clockShort } from './clock.js';

type Translate = (key: TranslationKey, vars?: Record<string, string | number>) => string;

const lower = (word: string) => word.toLocaleLowerCase();
const triageCategory = (v: string, t: Translate) => lower(t(`mi.cat.${v}` as TranslationKey));
const sceneWord = (v: string, t: Translate) => t(`mi.scene.${v}` as TranslationKey);
const namesOrNone = (v: string, t: Translate) => v || t('journal.none');

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
  category: triageCategory,
  fromCategory: triageCategory,
  toCategory: triageCategory,
  place: sceneWord,
  role: sceneWord,
  time: (v) => clockShort(v),
  neighbours: namesOrNone,
  lvs: namesOrNone,
  hospitals: namesOrNone,
};

function journalMessageText(message: JournalMessage, t: Translate): string {
  const vars = Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, WORDED[name]?.(value, t) ?? value]));
  return t(`journal.${message.key}` as TranslationKey, vars);
}

export const journalText = (entry: { text: string; message: JournalMessage | null }, t: Translate): string =>
  entry.message ? journalMessageText(entry.message, t) : entry.text;
