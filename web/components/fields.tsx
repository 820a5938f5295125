import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../shared/i18n/translate';
import { translateKey } from '../../shared/i18n/translate';
import { usePage } from './page-context';

export interface Option {
  value: string;
  label: string;
}

/** Errors are keyed by field name; each field shows its own, tied to it with aria-describedby. */
export type FieldErrors = Record<string, string>;

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function ErrorText({ id, errorKey }: { id: string; errorKey: string | undefined }) {
  const { t } = usePage();
  if (!errorKey) return null;
  return (
    <p class="field-error" id={id}>
      {translateKey(t, errorKey)}
    </p>
  );
}

export function ChoiceGroup(props: {
  name: string;
  legend: string;
  options: Option[];
  selected: string[];
  multiple?: boolean;
  error?: string | undefined;
  hint?: string;
  onChange?: (selected: string[]) => void;
}) {
  const { name, legend, options, selected, multiple, error, hint, onChange } = props;
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <fieldset
      class="choices"
      id={`q-${name}`}
      aria-describedby={describedBy(hint && hintId, error && errorId)}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorText id={errorId} errorKey={error} />
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        const checked = selected.includes(o.value);
        return (
          <div class="choice" key={o.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={id}
              name={name}
              value={o.value}
              checked={checked}
              onChange={
                onChange &&
                ((e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  onChange(
                    multiple ? (on ? [...selected, o.value] : selected.filter((s) => s !== o.value)) : [o.value],
                  );
                })
              }
            />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  value: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  onInput?: (value: string) => void;
}) {
  const { t } = usePage();
  const { name, label, value, hint, error, required, maxLength, rows, onInput } = props;
  return (
    <div class="field" id={`q-${name}`}>
      <label for={name}>
        {label}
        {required && <span class="required"> ({t('form.required')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <ErrorText id={`${name}-error`} errorKey={error} />
      <textarea
        id={name}
        name={name}
        rows={rows ?? 6}
        // Free text is the most sensitive thing on the page: no browser may restore it after a quick exit.
        autocomplete="off"
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}
        onInput={onInput && ((e) => onInput((e.currentTarget as HTMLTextAreaElement).value))}
        value={value}
      />
    </div>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked: boolean;
  required?: boolean;
  error?: string | undefined;
  onChange?: (on: boolean) => void;
}) {
  const { name, label, checked, required, error, onChange } = props;
  return (
    <div class="choice single" id={`q-${name}`}>
      <ErrorText id={`${name}-error`} errorKey={error} />
      <input
        type="checkbox"
        id={name}
        name={name}
        checked={checked}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        onChange={onChange && ((e) => onChange((e.currentTarget as HTMLInputElement).checked))}
      />
      <label for={name}>{label}</label>
    </div>
  );
}

/** The list at the top of a form that failed on the server: each entry links to its field. */
export function ErrorSummary({ errors, fieldLabel }: { errors: FieldErrors; fieldLabel: (field: string) => string }) {
  const { t } = usePage();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('form.errors_title')}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {fieldLabel(field)}: {translateKey(t, key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Hidden({ name, value }: { name: string; value: string | string[] | boolean }) {
  if (Array.isArray(value))
    return (
      <>
        {value.map((v) => (
          <input type="hidden" name={name} value={v} key={v} />
        ))}
      </>
    );
  if (typeof value === 'boolean') return value ? <input type="hidden" name={name} value="on" /> : null;
  return <input type="hidden" name={name} value={value} />;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export type { MessageKey };
