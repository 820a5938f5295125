import {
  EVIDENCE_FIELD,
  EVIDENCE_REMOVE_FIELD,
  evidenceAccept,
  formatBytes,
  limitParams,
  type EvidenceField as EvidenceFieldState,
  type EvidenceLimits,
  type RefusedFile,
  type StagedEvidence,
} from '../../shared/evidence';
import type { MessageKey } from '../../shared/i18n/translate';
import { usePage } from './page-context';

/**
 * The plain warning beside every place where files are chosen or shown: a picture is sent as it looks, and
 * only what hides inside the file is removed.
 */
export function EvidenceWarning({ id }: { id: string }) {
  const { t } = usePage();
  return (
    <p class="notice warning-notice evidence-warning" id={id}>
      {t('evidence.warning')}
    </p>
  );
}

/** How a removal happens: without JavaScript a post of the page's form, with it a call. */
export type RemoveFile = { action: string } | { onRemove: (id: string) => void };

/** The cleaned files, each as a small picture of what will be sent, with a way to remove it. */
export function EvidenceList({
  files,
  remove,
  busy,
}: {
  files: StagedEvidence[];
  remove: RemoveFile;
  busy?: boolean | undefined;
}) {
  const page = usePage();
  const { t } = page;
  if (files.length === 0) return null;
  return (
    <ul class="evidence-list" aria-label={t('evidence.attached')}>
      {files.map((file, i) => {
        const label = fileLabel(page, file, i + 1);
        return (
          <li key={file.id} class="evidence-item">
            <img src={file.thumbnail} alt={label} class="evidence-thumbnail" />
            <span class="evidence-caption" aria-hidden="true">
              {label}
            </span>
            {'action' in remove ? (
              <button
                type="submit"
                class="link-button"
                name={EVIDENCE_REMOVE_FIELD}
                value={file.id}
                formAction={remove.action}
                formNoValidate
                aria-label={t('evidence.remove_label', { file: label })}
              >
                {t('evidence.remove')}
              </button>
            ) : (
              <button
                type="button"
                class="link-button"
                disabled={busy}
                onClick={() => remove.onRemove(file.id)}
                aria-label={t('evidence.remove_label', { file: label })}
              >
                {t('evidence.remove')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** "Picture 1 (JPEG, 0.4 MB)", "PDF 2 (3 pages, 1.2 MB)": the file's own name is never shown back or kept. */
function fileLabel(page: ReturnType<typeof usePage>, file: StagedEvidence, n: number): string {
  const { t, locale } = page;
  const size = formatBytes(file.bytes, locale);
  if (file.kind === 'pdf') return t('evidence.pdf_label', { n, pages: file.pages ?? 1, size });
  return t('evidence.picture_label', { n, kind: file.kind.toUpperCase(), size });
}

/** Files that were not taken, each with its reason, in the person's language. */
export function RefusedFiles({ refused, limits }: { refused: RefusedFile[]; limits: EvidenceLimits }) {
  const { t } = usePage();
  if (refused.length === 0) return null;
  return (
    <div class="field-error evidence-refused" role="alert">
      <p>{t('evidence.refused_title')}</p>
      <ul>
        {refused.map((r, i) => (
          <li key={`${r.name}-${i}`}>
            {r.name && (
              <>
                <bdi class="evidence-name">{r.name}</bdi>:{' '}
              </>
            )}
            {t(`evidence.errors.${r.reason}` as MessageKey, limitParams(limits))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Where files are chosen: the warning, what was cleaned so far, what was refused, and the file input. Without
 * JavaScript the input posts with the page's form (multipart) and the page's form carries the staging token
 * (`EVIDENCE_TOKEN_FIELD`) as a hidden field; with it, chosen files are uploaded at once (`onFiles`) and the input is emptied again.
 */
export function EvidenceField(props: {
  field: EvidenceFieldState;
  files: StagedEvidence[];
  refused: RefusedFile[];
  remove: RemoveFile;
  onFiles?: ((files: File[]) => void) | undefined;
  /** The person is about to pick a file (the input is focused or tapped). */
  onPick?: (() => void) | undefined;
  busy?: boolean | undefined;
  failed?: boolean | undefined;
}) {
  const { field, files, refused, remove, onFiles, onPick, busy, failed } = props;
  const { t } = usePage();
  const params = limitParams(field.limits);
  const kinds = field.kinds.map((k) => k.toUpperCase()).join(', ');
  const full = files.length >= field.limits.maxFiles;
  return (
    <div class="field evidence" id="q-evidence">
      <h3 class="evidence-title">{t('evidence.title')}</h3>
      <p>{t('evidence.intro')}</p>
      <EvidenceWarning id="evidence-warning" />
      <EvidenceList files={files} remove={remove} busy={busy} />
      <RefusedFiles refused={refused} limits={field.limits} />
      {failed && (
        <p class="field-error" role="alert">
          {t('evidence.upload_failed')}
        </p>
      )}
      {busy && (
        <p class="notice" role="status">
          {t('evidence.uploading')}
        </p>
      )}
      {full ? (
        <p class="hint">{t('evidence.full', params)}</p>
      ) : (
        <>
          <label for="evidence-input" class="evidence-choose">
            {t('evidence.choose')}
          </label>
          <p class="hint" id="evidence-hint">
            {t('evidence.hint', { ...params, kinds })}
          </p>
          <input
            type="file"
            id="evidence-input"
            name={EVIDENCE_FIELD}
            multiple
            accept={evidenceAccept(field.kinds)}
            aria-describedby="evidence-hint evidence-warning"
            disabled={busy}
            onFocus={onPick}
            onClick={onPick}
            onChange={
              onFiles &&
              ((event) => {
                const input = event.currentTarget as HTMLInputElement;
                const chosen = [...(input.files ?? [])];
                input.value = '';
                if (chosen.length) onFiles(chosen);
              })
            }
          />
        </>
      )}
    </div>
  );
}
