import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';

/** Grant tokens, one per line; KMS takes at most 10. */
export function parseGrantTokens(text: string): { tokens?: string[]; error?: string } {
  const tokens = text
    .split(/\s+/)
    .map((token) => token.trim())
    .filter(Boolean);
  if (tokens.length > 10)
    return { error: `${tokens.length} grant tokens: KMS accepts at most 10.` };
  return { tokens: tokens.length > 0 ? tokens : undefined };
}

/** Optional grant tokens, folded away: most requests need none. */
export function GrantTokensField({
  value,
  onChange,
}: {
  value: string;
  onChange(value: string): void;
}) {
  const parsed = parseGrantTokens(value);
  return (
    <ExpandableSection
      headerText="Grant tokens (optional)"
      variant="footer"
      defaultExpanded={value !== ''}
    >
      <FormField
        label="Grant tokens"
        description="Use a grant before it is eventually consistent: paste the token CreateGrant returned, one per line."
        errorText={parsed.error}
        stretch
      >
        <Textarea
          value={value}
          onChange={({ detail }) => onChange(detail.value)}
          rows={2}
          spellcheck={false}
        />
      </FormField>
    </ExpandableSection>
  );
}
