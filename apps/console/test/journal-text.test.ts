// Journal lines the system writes are worded in the reader's language from their key and values;
// every key the server may write has a Norwegian and an English wording using exactly its values.
import { describe, expect, it } from 'vitest';
import { JOURNAL_MESSAGES, type JournalEntry, journalMessage } from '@amk/contracts';
import { journalText } from '../src/lib/journal-text.js';
import { en } from '../src/i18n/en.js';
import { type Locale, translate, type TranslationKey } from '../src/i18n/i18n.js';
import { nb } from '../src/i18n/nb.js';

const varsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  id: crypto.randomUUID(),
  at: '2026-12-04T05:00:00.000Z',
  author: 'Ingrid Haugland',
  kind: 'SYSTEM',
  text: 'som skrevet',
  message: null,
  ...over,
});
const inLocale = (locale: Locale) => (key: TranslationKey, vars?: Record<string, string | number>) => translate(locale, key, vars);

describe('journal lines in the reader language', () => {
  it('every message key has a wording in both languages with exactly its values', () => {
    for (const [key, params] of Object.entries(JOURNAL_MESSAGES)) {
      for (const dict of [nb, en] as Record<string, string>[]) {
        const text = dict[`journal.${key}`];
        expect(text, `journal.${key}`).toBeTypeOf('string');
        expect(varsOf(text!), `journal.${key}`).toEqual([...params].sort());
      }
    }
  });

  it('words codes (fields, recipients, outcomes) and keeps names and free text as written', () => {
    const sent = entry({
      kind: 'NOTIFICATION',
      message: journalMessage('notification.tripleSent', { recipients: 'POLICE,FIRE,AMK:AMK Bergen', message: 'Trafikkulykke E39' }),
    });
    expect(journalText(sent, inLocale('en'))).toBe('Triple alert: Police (112), Fire (110), AMK Bergen — Trafikkulykke E39');
    expect(journalText(sent, inLocale('nb'))).toBe('Trippelvarsling: Politi (112), Brann (110), AMK Bergen — Trafikkulykke E39');
    const changed = entry({ message: journalMessage('call.changed', { fields: 'patientName,lat' }) });
    expect(journalText(changed, inLocale('en'))).toBe("Changed: patient's name, position");
    const callback = entry({ message: journalMessage('callback.done', { outcome: 'NO_ANSWER' }) });
    expect(journalText(callback, inLocale('en'))).toBe('Callback: No answer');
    const triaged = entry({
      kind: 'TRIAGE',
      message: journalMessage('call.triaged', { code: 'A.06.01', criterion: 'Puster ikke', urgency: 'A' }),
    });
    expect(journalText(triaged, inLocale('en'))).toBe('Criterion A.06.01 Puster ikke → urgency A');
  });

  it('a major incident log line words triage categories and scene places, and empty lists as none', () => {
    const changed = {
      text: 'som skrevet',
      message: journalMessage('majorIncident.categoryChanged', { card: '17', fromCategory: 'YELLOW', toCategory: 'RED' }),
    };
    expect(journalText(changed, inLocale('en'))).toBe('Triage card 17: yellow → red');
    const place = { text: 'som skrevet', message: journalMessage('majorIncident.placeRemoved', { place: 'holdingArea' }) };
    expect(journalText(place, inLocale('nb'))).toBe('Venteplass for ambulanser fjernet');
    const notified = {
      text: 'som skrevet',
      message: journalMessage('majorIncident.notified', { neighbours: '', lvs: 'Legevaktsentralen i Bergen', hospitals: '' }),
    };
    expect(journalText(notified, inLocale('en'))).toBe(
      'Notified: neighbouring AMKs: none; out-of-hours centres: Legevaktsentralen i Bergen; police (112) and fire (110); hospitals: none',
    );
  });

  it('the lines a mission and a major incident write in a call’s journal read in both languages', () => {
    // the server's Norwegian text for each (apps/server missions and major-incidents services)
    const lines = [
      { text: 'Oppdrag opprettet', message: journalMessage('mission.created', {}), en: 'Mission created' },
      {
        text: 'Oppdrag opprettet (bistand fra AMK Bergen)',
        message: journalMessage('mission.createdMutualAid', { centre: 'AMK Bergen' }),
        en: 'Mission created (mutual aid from AMK Bergen)',
      },
    ];
    for (const line of lines) {
      const written = entry({ text: line.text, message: line.message });
      expect(journalText(written, inLocale('nb'))).toBe(line.text);
      expect(journalText(written, inLocale('en'))).toBe(line.en);
    }
    const declared = entry({ message: journalMessage('majorIncident.declared', { level: 'RED', description: 'Bussulykke på E16' }) });
    expect(journalText(declared, inLocale('nb'))).toBe('Masseskadehendelse erklært, rød beredskap: Bussulykke på E16');
    expect(journalText(declared, inLocale('en'))).toBe('Major incident declared, red (full): Bussulykke på E16');
  });

  it('a typed line, or one written before keys, shows as written', () => {
    expect(journalText(entry({ kind: 'NOTE', text: 'Pasienten puster' }), inLocale('en'))).toBe('Pasienten puster');
  });
});
