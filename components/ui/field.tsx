import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A labelled form control with its error in place: the label points at the control, the error
 * (when there is one) is announced and named by the control's `aria-describedby`. The one
 * control inside gets `id`, `aria-invalid` and `aria-describedby`; the error's id is `<id>-error`.
 */
export function Field({ id, label, error, hint, className, children }: {
  id: string;
  label: ReactNode;
  /** The message to show, or nothing when the value is fine. */
  error?: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children) ? cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy }) : children;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && <span id={hintId} className="hint muted small">{hint}</span>}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

/** A form's or a field's error message, announced when it appears. Renders nothing without one. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return <span id={id} className="error" role="alert">{children}</span>;
}
