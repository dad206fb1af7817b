import Box from '@cloudscape-design/components/box';
import type { CSSProperties } from 'react';
import type { StatementFinding, StatementRole } from '../model/explain-denial';

/*
 * The key policy as JSON, one block per statement, with the statements that decide (or would
 * need to) highlighted and labelled. Each labelled statement is a group whose accessible name
 * says what it does, so screen readers and tests find it without relying on colour.
 */

const ROLE_LABELS: Record<StatementRole, string | undefined> = {
  denies: 'Denies this request: decides',
  allows: 'Allows this request',
  delegates: 'Delegates to IAM: your IAM policies must allow it too',
  'needs-condition': 'Would allow it if its condition held',
  'other-principal': 'Would need to name you',
  unrelated: undefined,
};

const ROLE_STYLES: Record<StatementRole, CSSProperties | undefined> = {
  denies: { background: '#fff0f0', borderLeft: '4px solid #d91515' },
  allows: { background: '#f0faf1', borderLeft: '4px solid #037f0c' },
  delegates: { background: '#f0faf1', borderLeft: '4px solid #037f0c' },
  'needs-condition': { background: '#fffbe6', borderLeft: '4px solid #8d6605' },
  'other-principal': { background: '#f4f4f4', borderLeft: '4px dashed #5f6b7a' },
  unrelated: undefined,
};

const CODE: CSSProperties = {
  margin: 0,
  fontFamily: 'Monaco, Menlo, Consolas, "Courier Prime", Courier, "Courier New", monospace',
  fontSize: 12,
  lineHeight: '18px',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
};

interface RawPolicy {
  head: Record<string, unknown>;
  statements: unknown[];
}

function readRaw(policy: string): RawPolicy | undefined {
  try {
    const parsed = JSON.parse(policy) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const { Statement, ...head } = parsed as Record<string, unknown>;
    const statements = Array.isArray(Statement) ? (Statement as unknown[]) : [Statement];
    return { head, statements };
  } catch {
    return undefined;
  }
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

export function statementName(finding: Pick<StatementFinding, 'index' | 'sid'>): string {
  return finding.sid !== undefined
    ? `Statement ${finding.index + 1} (${finding.sid})`
    : `Statement ${finding.index + 1}`;
}

export function PolicyView({
  policy,
  findings,
  label,
}: {
  policy: string;
  findings: readonly StatementFinding[];
  /** The accessible name of the whole document. */
  label: string;
}) {
  const raw = readRaw(policy);
  if (raw === undefined) {
    return (
      <pre style={CODE} aria-label={label}>
        {policy}
      </pre>
    );
  }
  const headLines = Object.entries(raw.head).map(
    ([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},`,
  );
  const byIndex = new Map(findings.map((finding) => [finding.index, finding]));
  return (
    <div role="group" aria-label={label} style={{ border: '1px solid #c6c6cd', padding: 8 }}>
      <pre style={CODE}>{['{', ...headLines, '  "Statement": ['].join('\n')}</pre>
      {raw.statements.map((statement, index) => {
        const finding = byIndex.get(index);
        const role = finding?.role ?? 'unrelated';
        const roleLabel = ROLE_LABELS[role];
        const comma = index < raw.statements.length - 1 ? ',' : '';
        const text = indent(JSON.stringify(statement, null, 2), 4) + comma;
        if (roleLabel === undefined || finding === undefined) {
          return (
            <pre key={index} style={CODE}>
              {text}
            </pre>
          );
        }
        return (
          <div
            key={index}
            role="group"
            aria-label={`${statementName(finding)}: ${roleLabel}`}
            data-statement-role={role}
            style={{ ...ROLE_STYLES[role], padding: '4px 0', margin: '2px 0' }}
          >
            <Box padding={{ left: 's' }} fontSize="body-s" fontWeight="bold">
              {roleLabel}. {finding.summary}
            </Box>
            <pre style={CODE}>{text}</pre>
          </div>
        );
      })}
      <pre style={CODE}>{['  ]', '}'].join('\n')}</pre>
    </div>
  );
}
