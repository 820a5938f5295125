import { inferredCodes, type AssistantDraft } from '../../shared/assistant-draft';
import { usePage } from '../components/page-context';
import { placeLabel } from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';

/** What the assistant has noted so far, filling in as the conversation goes: the reporter sees it grow. */
export function DraftPanel({ draft }: { draft: AssistantDraft }) {
  const page = usePage();
  const { t } = page;
  const list = (prefix: string, codes: string[]) => codes.map((c) => t(`${prefix}.${c}` as MessageKey)).join(', ');
  const when = draft.whenDate
    ? draft.whenDate.split('-').reverse().join('.')
    : [draft.whenMonth && t(`month.${draft.whenMonth}` as MessageKey), draft.whenYear].filter(Boolean).join(' ');
  const rows: [MessageKey, string][] = [
    // Not "as it will be saved": the anonymiser runs on the review screen, after the chat.
    ['form.step.what', draft.description],
    ['review.when', [when, draft.ongoing && t('review.ongoing')].filter(Boolean).join(', ')],
    [
      'review.place',
      [draft.municipality && placeLabel(page, draft.municipality), draft.online && t('place.online')]
        .filter(Boolean)
        .join(', '),
    ],
    ['review.life_domain', draft.lifeDomain ? t(`life_domain.${draft.lifeDomain}` as MessageKey) : ''],
    ['review.incident_forms', list('incident_form', draft.incidentForms)],
    ['review.grounds', list('ground', draft.grounds)],
    ['review.racism_forms', list('racism_form', draft.racismForms)],
    ['review.role', draft.reporterRole ? t(`role.${draft.reporterRole}` as MessageKey) : ''],
    ['review.witnesses', draft.witnesses ? t(`witnesses.${draft.witnesses}` as MessageKey) : ''],
    ['form.consequences.label', draft.consequences],
    ['review.support', draft.supportWanted === null ? '' : draft.supportWanted ? t('review.yes') : t('review.no')],
  ];
  const filled = rows.filter(([, value]) => value);
  // Read from the story, not chosen: shown apart and marked, until the person confirms them.
  const suggested = inferredCodes(draft).map((pair) => {
    const [dimension, code] = pair.split(':');
    return t(`${dimension === 'reporter_role' ? 'role' : dimension}.${code}` as MessageKey);
  });
  return (
    <details class="card draft-panel">
      <summary>
        {t('assistant.draft_title')} ({filled.length}/{rows.length})
      </summary>
      {filled.length === 0 ? (
        <p class="muted">{t('assistant.draft_empty')}</p>
      ) : (
        <dl class="summary">
          {filled.map(([key, value]) => (
            <div class="summary-row" key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {suggested.length > 0 && (
        <p class="draft-suggested">
          <span class="muted">{t('assistant.draft_suggested')}:</span> {suggested.join(t('assistant.list_separator'))}
        </p>
      )}
    </details>
  );
}
