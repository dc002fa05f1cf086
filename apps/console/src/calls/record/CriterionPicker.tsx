// The criterion field: type a code or words, ↑/↓ to move through the matches, Enter to pick one,
// Escape to close the list. A combobox of our own: a datalist cannot be driven reliably from the
// keyboard, nor searched by words.
import type { TriageCriterion } from '@amk/contracts';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useT } from '../../i18n/i18n.js';
import { criterionByCode, searchCriteria } from './criterion-search.js';

export function CriterionPicker({
  list,
  value,
  onChange,
  onPick,
  inputRef,
}: {
  list: TriageCriterion[];
  value: string;
  onChange(text: string): void;
  /** Enter (or a click) on a match. */
  onPick(c: TriageCriterion): void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = searchCriteria(list, value);
  const shown = open && value.trim() !== '';
  const optionId = (c: TriageCriterion) => `criterion-option-${c.code}`;

  function pick(c: TriageCriterion) {
    setOpen(false);
    onPick(c);
  }
  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter' && shown && matches.length > 0) {
      e.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]!);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="combo">
      <input
        ref={inputRef}
        role="combobox"
        aria-label={t('record.criterion')}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls="criterion-options"
        aria-activedescendant={shown && matches[active] ? optionId(matches[active]) : undefined}
        value={value}
        placeholder={t('triage.search')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        // A field that already holds a criterion (set before) opens its list only when typed in.
        onFocus={() => setOpen(!criterionByCode(list, value))}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {shown && (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern: a listbox of options, focus stays in the input (aria-activedescendant)
        <ul className="combo-options" id="criterion-options" role="listbox" aria-label={t('record.criterion')}>
          {matches.length === 0 && <li className="empty">{t('triage.noMatch')}</li>}
          {matches.map((c, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached with the arrow keys from the input (aria-activedescendant), not by tabbing
            <li
              key={c.code}
              id={optionId(c)}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox (WAI-ARIA pattern)
              role="option"
              aria-selected={i === active}
              className={`urgency-${c.urgency}`}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the field
                pick(c);
              }}
            >
              <span className="code">{c.code}</span>
              {c.chapterTitle}: {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
