import type { ReportView } from '../../../shared/case-views';
import {
  CODED_DIMENSIONS,
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REPORTER_ROLES,
} from '../../../shared/taxonomy';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { PostForm, formatDay } from './forms';
import { codeLabel } from './labels';

/**
 * The reporter's coding and the caseworker's side by side, and what the assistant only inferred, marked as
 * such; the form sets the caseworker's.
 */
export function CodingSection({ view, base }: { view: ReportView; base: string }) {
  const { t } = useStaffPage();
  const of = (coder: string, dimension: string) =>
    view.codes.filter((c) => c.coder === coder && c.dimension === dimension).map((c) => c.code);
  // Codes the assistant read from the story and the reporter never confirmed: a column of their own, marked.
  const inferred = view.codes.some((c) => c.coder === 'inferred');
  const mine = (dimension: string) => (view.report.coded_on ? of('caseworker', dimension) : of('reporter', dimension));
  const group = (name: string, dimension: string, codes: readonly string[], multiple: boolean) => (
    <fieldset class="choices compact">
      <legend>{t(`dimension.${dimension}` as StaffMessageKey)}</legend>
      {!multiple && (
        <div class="choice">
          <input type="radio" id={`${name}-none`} name={name} value="" checked={mine(dimension).length === 0} />
          <label for={`${name}-none`}>–</label>
        </div>
      )}
      {codes.map((c) => (
        <div class="choice" key={c}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            id={`${name}-${c}`}
            name={name}
            value={c}
            checked={mine(dimension).includes(c)}
          />
          <label for={`${name}-${c}`}>{codeLabel(t, dimension, c)}</label>
        </div>
      ))}
    </fieldset>
  );
  return (
    <section class="card" aria-labelledby="coding-title">
      <h2 id="coding-title">{t('report.coding_title')}</h2>
      <p class="hint">
        {view.report.coded_on
          ? t('report.coding_counts_caseworker', { date: formatDay(view.report.coded_on) })
          : t('report.coding_counts_reporter')}
      </p>
      <table class="coding">
        <thead>
          <tr>
            <th scope="col">{t('report.coding_dimension')}</th>
            <th scope="col">{t('report.coding_reporter')}</th>
            <th scope="col">{t('report.coding_caseworker')}</th>
            {inferred && <th scope="col">{t('report.coding_inferred')}</th>}
          </tr>
        </thead>
        <tbody>
          {CODED_DIMENSIONS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`dimension.${d}` as StaffMessageKey)}</th>
              <td>
                {of('reporter', d)
                  .map((c) => codeLabel(t, d, c))
                  .join(', ') || '–'}
              </td>
              <td>
                {view.report.coded_on
                  ? of('caseworker', d)
                      .map((c) => codeLabel(t, d, c))
                      .join(', ') || '–'
                  : ''}
              </td>
              {inferred && (
                <td class="inferred">
                  {of('inferred', d)
                    .map((c) => codeLabel(t, d, c))
                    .join(', ')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('report.coding_edit')}</summary>
        <PostForm action={`${base}/coding`} class="coding-form">
          {group('grounds', 'ground', GROUNDS, true)}
          {group('racismForms', 'racism_form', RACISM_FORMS, true)}
          {group('incidentForms', 'incident_form', INCIDENT_FORMS, true)}
          {group('lifeDomain', 'life_domain', LIFE_DOMAINS, false)}
          {group('reporterRole', 'reporter_role', REPORTER_ROLES, false)}
          <p class="actions">
            <button type="submit" class="button primary">
              {t('report.coding_save')}
            </button>
          </p>
        </PostForm>
      </details>
    </section>
  );
}
