import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name' | 'type'>;

/**
 * A settings form's labelled text box: `<label class="field"><span>label</span><input name …/>` with an
 * optional hint under it. `onChange` gets the box's text; other input attributes pass through.
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  hint,
  type,
  ...input
}: InputProps & {
  label: ReactNode;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  type?: 'text' | 'password';
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} type={type} name={name} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint !== undefined && <small>{hint}</small>}
    </label>
  );
}

/** A labelled drop-down (`<label class="field">`); the options are its children. */
export function SelectField({
  label,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select {...select}>{children}</select>
    </label>
  );
}

/** A tick box with its words after it (`<label class="field field-check">`). */
export function CheckField({
  label,
  checked,
  onChange,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'type'> & {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="field field-check">
      <input {...input} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/**
 * Under a settings form: the problem found before saving (an alert), the save's error (`children`) and,
 * once saved, `savedText` (a status).
 */
export function FormStatus({
  problem,
  saved,
  savedText,
  children,
}: {
  problem: string | null;
  saved: boolean;
  savedText: string;
  children?: ReactNode;
}) {
  return (
    <>
      {problem && (
        <div className="notice notice-bad" role="alert">
          {problem}
        </div>
      )}
      {children}
      {saved && (
        <div className="notice notice-good" role="status">
          {savedText}
        </div>
      )}
    </>
  );
}
