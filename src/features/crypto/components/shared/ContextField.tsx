import { ContextEditor } from '../../../../bytes/ContextEditor';
import type { ContextField as ContextFieldState } from '../../../../bytes/use-context-field';

/** An encryption context editor bound to its field's state. */
export function ContextField({
  label = 'Encryption context',
  field,
  explain,
  description,
}: {
  label?: string;
  field: ContextFieldState;
  /** Explains what a context is and does (once per form is enough). */
  explain?: boolean;
  description?: string;
}) {
  return (
    <ContextEditor
      label={label}
      rows={field.rows}
      onChange={field.setRows}
      evaluation={field.evaluation}
      explain={explain}
      description={description}
    />
  );
}
