import type { ComponentChildren } from 'preact';
import { translateStaffKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';

/** A POST form with the session's CSRF token: the only way staff pages change anything. */
export function PostForm(props: {
  action: string;
  class?: string;
  children: ComponentChildren;
  label?: string;
  id?: string;
  /** For a form with a file field. */
  enctype?: 'multipart/form-data';
}) {
  const { csrfToken } = useStaffPage();
  return (
    <form
      id={props.id}
      method="post"
      action={props.action}
      class={props.class}
      aria-label={props.label}
      enctype={props.enctype}
    >
      <input type="hidden" name="_csrf" value={csrfToken} />
      {props.children}
    </form>
  );
}

export function FieldError({ id, errorKey }: { id: string; errorKey?: string | undefined }) {
  const { t } = useStaffPage();
  if (!errorKey) return null;
  return (
    <p class="field-error" id={id}>
      {translateStaffKey(t, errorKey)}
    </p>
  );
}

/** A notice after a successful action (post/redirect/get), or an error banner. */
export function Flash({ notice, error }: { notice?: string | undefined; error?: string | undefined }) {
  const { t } = useStaffPage();
  if (error)
    return (
      <p class="error-summary" role="alert">
        {translateStaffKey(t, error)}
      </p>
    );
  if (notice)
    return (
      <p class="notice" role="status">
        {translateStaffKey(t, notice)}
      </p>
    );
  return null;
}

export function TextInput(props: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  autocomplete?: string;
  required?: boolean;
  error?: string | undefined;
  inputMode?: 'numeric' | 'text';
  hint?: string;
}) {
  const { name, label, type, value, autocomplete, required, error, inputMode, hint } = props;
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} errorKey={error} />
      <input
        id={name}
        name={name}
        type={type ?? 'text'}
        value={value ?? ''}
        autocomplete={autocomplete}
        required={required}
        inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function formatDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10).split('-').reverse().join('.') : '–';
}

export function formatTime(iso: string): string {
  return `${formatDay(iso)} ${iso.slice(11, 16)} UTC`;
}
