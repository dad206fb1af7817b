import { parseKeyPolicy } from '../../../policy/document';

export interface PolicyProblem {
  message: string;
  /** 1-based line of a JSON syntax error, when known. */
  line?: number;
}

/** Line of a character offset in `text` (1-based). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Checks a key policy before PutKeyPolicy: JSON syntax (with the line), then the policy grammar
 * KMS enforces (Version, Statement, Effect, Principal required in key policies, …), and size.
 * KMS itself still runs the lockout safety check.
 */
export function validateKeyPolicy(text: string): PolicyProblem | undefined {
  if (text.trim() === '') return { message: 'The key policy is empty.' };
  if (new TextEncoder().encode(text).length > 32_768) {
    return { message: 'Key policies are at most 32 KB.' };
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const lineColumn = /line (\d+)/.exec(message)?.[1];
    const line = lineColumn
      ? Number(lineColumn)
      : position
        ? lineOf(text, Number(position))
        : undefined;
    return { message: `Not valid JSON${line ? ` (line ${line})` : ''}: ${message}`, line };
  }
  try {
    parseKeyPolicy(text);
  } catch (error) {
    return { message: (error as Error).message };
  }
  return undefined;
}

/** Pretty-prints a policy for reading; leaves text that is not JSON as it is. */
export function formatPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
