import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useId, useState } from 'react';
import { parseContextText, type ContextEvaluation, type ContextRow } from './encryption-context';

export const CONTEXT_EXPLANATION =
  'KMS binds these pairs to the ciphertext as additional authenticated data: decrypting must pass exactly the same pairs (order does not matter, case does). They are not secret: they appear in CloudTrail logs.';

export interface ContextEditorProps {
  /** "Encryption context", "Source encryption context"…: the group's accessible name. */
  label: string;
  rows: readonly ContextRow[];
  onChange(rows: ContextRow[]): void;
  evaluation: ContextEvaluation;
  /** Show the explanation of exact matching; only one editor per page does. */
  explain?: boolean;
  description?: string;
}

/** Key/value rows, plus "paste as JSON or CLI shorthand"; duplicate and empty keys are flagged. */
export function ContextEditor({
  label,
  rows,
  onChange,
  evaluation,
  explain,
  description,
}: ContextEditorProps) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string>();

  const update = (index: number, change: Partial<ContextRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const applyPaste = () => {
    const parsed = parseContextText(pasted);
    if (!parsed.ok) {
      setPasteError(parsed.error);
      return;
    }
    setPasteError(undefined);
    setPasted('');
    onChange(parsed.rows);
  };

  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <FormField
        label={<span id={`${id}-label`}>{label}</span>}
        description={description ?? (explain ? CONTEXT_EXPLANATION : undefined)}
        stretch
      >
        <SpaceBetween size="xs">
          <AttributeEditor<ContextRow>
            items={rows}
            addButtonText="Add pair"
            removeButtonText="Remove"
            removeButtonAriaLabel={(row) => `Remove pair ${row.key || '(no key)'}`}
            empty={<Box color="text-body-secondary">No encryption context.</Box>}
            onAddButtonClick={() => onChange([...rows, { key: '', value: '' }])}
            onRemoveButtonClick={({ detail }) =>
              onChange(rows.filter((_, index) => index !== detail.itemIndex))
            }
            definition={[
              {
                label: 'Context key',
                control: (row, index) => (
                  <Input
                    value={row.key}
                    onChange={({ detail }) => update(index, { key: detail.value })}
                    placeholder="Enter a key"
                    spellcheck={false}
                  />
                ),
                errorText: (_row, index) => evaluation.problems[index]?.key,
              },
              {
                label: 'Context value',
                control: (row, index) => (
                  <Input
                    value={row.value}
                    onChange={({ detail }) => update(index, { value: detail.value })}
                    placeholder="Enter a value"
                    spellcheck={false}
                  />
                ),
                errorText: (_row, index) => evaluation.problems[index]?.value,
              },
            ]}
          />
          <ExpandableSection headerText="Paste as JSON or key=value pairs" variant="footer">
            <FormField
              label={`Paste ${label.toLowerCase()}`}
              description='JSON such as {"department":"finance"}, or the AWS CLI shorthand department=finance,team=payments. Replaces the pairs above.'
              errorText={pasteError}
              stretch
              secondaryControl={
                <Button onClick={applyPaste} disabled={pasted.trim() === ''}>
                  Apply
                </Button>
              }
            >
              <Textarea
                value={pasted}
                rows={2}
                spellcheck={false}
                onChange={({ detail }) => setPasted(detail.value)}
                placeholder="department=finance,team=payments"
              />
            </FormField>
          </ExpandableSection>
        </SpaceBetween>
      </FormField>
    </div>
  );
}
