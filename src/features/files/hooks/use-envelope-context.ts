import type { ContextEvaluation, ContextRow } from '../../../bytes/encryption-context';
import { useContextField, type ContextField } from '../../../bytes/use-context-field';
import { isReservedContextKey, RESERVED_CONTEXT_PREFIX } from '../envelope/encryption-context';

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

/** The context editor's state, prefilled with the deep link's pairs. */
export function useEnvelopeContext(initialRows: ContextRow[]): ContextField {
  const field = useContextField(initialRows);
  return { ...field, evaluation: withReservedKeys(field.evaluation, field.rows) };
}
