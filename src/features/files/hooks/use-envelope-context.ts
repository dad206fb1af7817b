import {
  parseContextText,
  type ContextEvaluation,
  type ContextRow,
} from '../../../bytes/encryption-context';
import { useContextField, type ContextField } from '../../../bytes/use-context-field';
import { isReservedContextKey, RESERVED_CONTEXT_PREFIX } from '../envelope/encryption-context';

function rowsFromParameter(parameter: string | null): ContextRow[] {
  if (!parameter) return [];
  const parsed = parseContextText(parameter);
  return parsed.ok ? parsed.rows : [];
}

/** Adds the Encryption SDK's rule to the shared editor's: keys starting aws-crypto- are its own. */
function withReservedKeys(evaluation: ContextEvaluation, rows: ContextRow[]): ContextEvaluation {
  const reserved = rows.map((row) => isReservedContextKey(row.key));
  if (!reserved.some(Boolean)) return evaluation;
  return {
    valid: false,
    problems: evaluation.problems.map((problem, index) =>
      reserved[index]
        ? {
            ...problem,
            key: `Keys starting with ${RESERVED_CONTEXT_PREFIX} are reserved by the AWS Encryption SDK.`,
          }
        : problem,
    ),
  };
}

/** The context editor's state, prefilled from the page's `context=` deep-link parameter. */
export function useEnvelopeContext(parameter: string | null): ContextField {
  const field = useContextField(rowsFromParameter(parameter));
  return { ...field, evaluation: withReservedKeys(field.evaluation, field.rows) };
}
