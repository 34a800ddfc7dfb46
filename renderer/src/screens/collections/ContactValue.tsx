import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SourcedValue } from '../../../../shared/types/collections';
import { useOperationMutation } from '../../data/client';
import { ErrorState } from '../../components/States';

export type ContactField = 'email' | 'mobile';

const EMAIL_RE = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** What is wrong with a typed e-mail list or mobile, in the user's words; null when it will do. */
export function contactProblem(field: ContactField, text: string): 'problemEmail' | 'problemMobile' | null {
  const value = text.trim();
  if (field === 'email')
    return value
      .split(',')
      .map((a) => a.trim())
      .every((a) => EMAIL_RE.test(a))
      ? null
      : 'problemEmail';
  const digits = value.replace(/[\s\-().]/g, '');
  return /^\+?\d{10,15}$/.test(digits) ? null : 'problemMobile';
}

/** Keeps clicks and keys inside an editor from opening the row or going back a screen. */
const inside = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();

/**
 * A party's e-mail or mobile as messages will use it: Tally's, or TallyConnect's own (marked so), or
 * none (said plainly). Edits in place: Enter saves TallyConnect's own value, Esc leaves it, "Use Tally's"
 * clears TallyConnect's so Tally's applies again.
 */
export function ContactValue({
  companyGuid,
  ledgerGuid,
  field,
  value,
  tallyValue,
}: {
  companyGuid: string;
  ledgerGuid: string;
  field: ContactField;
  value: SourcedValue | null;
  tallyValue: string | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useOperationMutation('collections.party.update');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const label = t(`collections.${field}`);
  const own = value?.source === 'tallyconnect';

  const save = (next: string | null) => {
    if (next !== null) {
      const wrong = contactProblem(field, next);
      if (wrong) {
        setProblem(t(`collections.${wrong}`));
        return;
      }
    }
    setProblem(null);
    update.mutate(
      { companyGuid, ledgerGuid, [field]: next === null ? null : next.trim() },
      {
        onSuccess: () => {
          setEditing(false);
          void client.invalidateQueries({ queryKey: ['collections.parties'] });
          void client.invalidateQueries({ queryKey: ['collections.preview'] });
        },
      },
    );
  };

  if (editing)
    return (
      <span className="coll-edit" onClick={inside} onKeyDown={inside} data-testid={`edit-${field}`}>
        <input
          autoFocus
          value={text}
          aria-label={label}
          inputMode={field === 'mobile' ? 'tel' : 'email'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              save(text);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setEditing(false);
              setProblem(null);
            }
          }}
        />
        <button type="button" className="btn btn-small btn-primary" onClick={() => save(text)}>
          {t('collections.save')}
        </button>
        {own && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => save(null)}
            title={t('collections.useTallyTitle', { tally: tallyValue ?? t('collections.tallyHasNone') })}
          >
            {t('collections.useTally')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => {
            setEditing(false);
            setProblem(null);
          }}
        >
          {t('collections.cancel')}
        </button>
        <small className="muted">
          {tallyValue ? t('collections.tallyHas', { value: tallyValue }) : t('collections.tallyHasNone')}
        </small>
        {problem && (
          <span className="coll-problem" role="alert">
            {problem}
          </span>
        )}
        {update.error && <ErrorState error={update.error} />}
      </span>
    );

  return (
    <span className="coll-contact">
      {value ? (
        <span className="coll-contact-value">{value.value}</span>
      ) : (
        <span className="coll-missing" data-missing={field}>
          {t(field === 'email' ? 'collections.noEmail' : 'collections.noMobile')}
        </span>
      )}
      {own && (
        <span
          className="tag tag-own"
          title={
            tallyValue
              ? t('collections.ownValueTitle', { tally: tallyValue })
              : t('collections.ownValueTitleNone')
          }
        >
          {t('collections.ownValue')}
        </span>
      )}
      <button
        type="button"
        className="btn btn-small btn-ghost coll-edit-button"
        aria-label={t('collections.edit', { field: label })}
        title={t('collections.edit', { field: label })}
        onClick={(e) => {
          e.stopPropagation();
          setText(value?.value ?? '');
          setEditing(true);
        }}
        onKeyDown={inside}
      >
        ✎
      </button>
    </span>
  );
}
