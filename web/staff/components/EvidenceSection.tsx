import type { StaffEvidenceFile } from '../../../shared/evidence';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { PostForm, formatDay } from './forms';

/**
 * A report's files on its screen: small pictures that open the cleaned file (pictures inline, PDFs as a
 * download), and, without JavaScript, a form to cover an area by numbers and a button to delete.
 */
export function EvidenceSection({ files }: { files: StaffEvidenceFile[] }) {
  const { t } = useStaffPage();
  return (
    <section class="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('report.evidence_title')}</h2>
      <p class="hint">{t('report.evidence_hint')}</p>
      {files.length === 0 ? (
        <p class="muted">{t('report.evidence_none')}</p>
      ) : (
        <ul class="staff-evidence">
          {files.map((f, i) => {
            const url = `/api/staff/evidence/${f.id}`;
            const label =
              f.kind === 'pdf'
                ? t('report.evidence_pdf', { n: i + 1, pages: f.pages ?? 1 })
                : t('report.evidence_picture', {
                    n: i + 1,
                    kind: f.kind.toUpperCase(),
                    width: f.width,
                    height: f.height,
                  });
            return (
              <li key={f.id} class="staff-evidence-item">
                <a href={f.kind === 'pdf' ? `${url}?download=1` : url}>
                  <img src={`${url}?thumbnail=1`} alt={label} class="evidence-thumbnail" loading="lazy" />
                </a>
                <p class="meta">
                  {label} · {t(`report.evidence_from_${f.source}` as StaffMessageKey)} · {formatDay(f.addedOn)}
                  {f.coveredOn && ` · ${t('report.evidence_covered', { date: formatDay(f.coveredOn) })}`}
                </p>
                <p>
                  <a href={f.kind === 'pdf' ? `${url}?download=1` : url}>{t('report.evidence_open')}</a> ·{' '}
                  <a href={`${url}?download=1`}>{t('report.evidence_download')}</a>
                </p>
                {f.kind !== 'pdf' && (
                  <details>
                    <summary>{t('report.evidence_cover')}</summary>
                    <PostForm action={`/staff/evidence/${f.id}/cover`}>
                      <p class="hint">{t('report.evidence_cover_hint')}</p>
                      {(['x', 'y', 'width', 'height'] as const).map((name) => (
                        <div class="field" key={name}>
                          <label for={`cover-${f.id}-${name}`}>{t(`report.evidence_${name}` as StaffMessageKey)}</label>
                          <input
                            id={`cover-${f.id}-${name}`}
                            name={name}
                            type="number"
                            inputMode="numeric"
                            min={name === 'width' || name === 'height' ? 1 : 0}
                            max={name === 'x' || name === 'width' ? f.width : f.height}
                            required
                          />
                        </div>
                      ))}
                      <button type="submit" class="button">
                        {t('report.evidence_cover')}
                      </button>
                    </PostForm>
                  </details>
                )}
                <PostForm action={`/staff/evidence/${f.id}/delete`}>
                  <button type="submit" class="button danger">
                    {t('report.evidence_delete')}
                  </button>
                </PostForm>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
