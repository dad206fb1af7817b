import { useMemo, useState } from 'react';
import { evaluateContext, type ContextEvaluation, type ContextRow } from './encryption-context';

export interface ContextField {
  rows: ContextRow[];
  setRows(rows: ContextRow[]): void;
  evaluation: ContextEvaluation;
}

export function useContextField(initial: ContextRow[] = []): ContextField {
  const [rows, setRows] = useState<ContextRow[]>(initial);
  const evaluation = useMemo(() => evaluateContext(rows), [rows]);
  return { rows, setRows, evaluation };
}
