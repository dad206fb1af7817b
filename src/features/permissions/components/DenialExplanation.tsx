import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { KeyPolicySource } from '../api/use-key-policy-source';
import { contextParameter } from '../../../bytes/encryption-context';
import type {
  ConditionalAllow,
  DenialExplanation as Explanation,
  Suggestion,
} from '../model/explain-denial';
import { PolicyView } from './PolicyView';

const POLICY_TYPE_NAMES: Record<string, string> = {
  'identity-based': 'identity-based policy',
  'resource-based': 'resource-based policy (the key policy)',
  session: 'session policy',
  'service-control': 'service control policy',
  'resource-control': 'resource control policy',
  'permissions-boundary': 'permissions boundary',
  'vpc-endpoint': 'VPC endpoint policy',
};

function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** One denial: what AWS said, which policy decided, the key policy highlighted, a way out. */
export function DenialExplanation({
  operation,
  message,
  explanation,
  policySource,
  onTryContext,
}: {
  operation: string;
  /** AWS's AccessDenied message, verbatim. */
  message: string;
  explanation: Explanation;
  policySource: KeyPolicySource;
  /** Checks again with this encryption context (a retry the explanation offers). */
  onTryContext?: (context: Record<string, string>) => void;
}) {
  const named = explanation.policyType ? POLICY_TYPE_NAMES[explanation.policyType] : undefined;
  return (
    <SpaceBetween size="s">
      <Box variant="p">
        <Box variant="strong">AWS named:</Box>{' '}
        {explanation.kind === 'explicit-deny'
          ? `an explicit deny in ${named ? withArticle(named) : 'a policy it did not name'}`
          : `no ${named ?? 'policy'} allows it`}
        .
      </Box>
      <Box variant="p">{explanation.headline}</Box>
      <Box variant="small" color="text-body-secondary">
        {message}
      </Box>
      {explanation.conditionalAllows.length > 0 ? (
        <UnmetConditions operation={operation} allows={explanation.conditionalAllows} />
      ) : null}
      {explanation.unmetGrants.length > 0 ? (
        <section aria-label={`Grants not met for ${operation}`}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {explanation.unmetGrants.map((grant) => (
              <li key={`${grant.grant}:${grant.requirement}`}>
                <Box variant="span">
                  Grant <Box variant="code">{grant.grant}</Box> allows {operation} to you only when{' '}
                  {grant.requirement}: {grant.had}.
                </Box>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {onTryContext && explanation.retries.length > 0 ? (
        <SpaceBetween direction="horizontal" size="xs">
          {explanation.retries.map((context) => {
            const words = contextParameter(context) ?? JSON.stringify(context);
            return (
              <Button key={words} onClick={() => onTryContext(context)}>
                Try with {words}
              </Button>
            );
          })}
        </SpaceBetween>
      ) : null}
      <KeyPolicyFindings
        operation={operation}
        explanation={explanation}
        policySource={policySource}
      />
      {explanation.suggestion ? (
        <SuggestedStatement operation={operation} suggestion={explanation.suggestion} />
      ) : null}
      {explanation.notes.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {explanation.notes.map((note) => (
            <li key={note}>
              <Box variant="span">{note}</Box>
            </li>
          ))}
        </ul>
      ) : null}
    </SpaceBetween>
  );
}

/** Each Allow that would apply if its conditions held: the statement, the condition, the value. */
function UnmetConditions({
  operation,
  allows,
}: {
  operation: string;
  allows: readonly ConditionalAllow[];
}) {
  return (
    <section aria-label={`Conditions not met for ${operation}`}>
      <SpaceBetween size="xs">
        {allows.map((allow) => (
          <SpaceBetween size="xxs" key={`${allow.policy}:${allow.statement}`}>
            <Box variant="p">
              Statement <Box variant="code">{allow.statement}</Box> of {allow.policyName} allows{' '}
              {operation} only when:
            </Box>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {allow.unmet.map((condition) => (
                <li key={condition.key}>
                  <Box variant="span">
                    <Box variant="code">{condition.requirement}</Box>: {condition.had}.
                  </Box>
                </li>
              ))}
            </ul>
          </SpaceBetween>
        ))}
      </SpaceBetween>
    </section>
  );
}

function KeyPolicyFindings({
  operation,
  explanation,
  policySource,
}: {
  operation: string;
  explanation: Explanation;
  policySource: KeyPolicySource;
}) {
  if (policySource.status === 'loading') {
    return (
      <Box>
        <Spinner /> Reading the key policy…
      </Box>
    );
  }
  if (policySource.status !== 'read') {
    return (
      <Box variant="p" color="text-body-secondary">
        The key policy is not available, so its statements cannot be shown (see “Key policy” above).
      </Box>
    );
  }
  if (explanation.policyError !== undefined || explanation.findings === undefined) {
    return (
      <Alert type="warning">{explanation.policyError ?? 'The key policy was not read.'}</Alert>
    );
  }
  return (
    <SpaceBetween size="xs">
      {explanation.consistent === false ? (
        <Alert type="warning" header="The key policy alone does not explain AWS's answer">
          Evaluating the key policy for this request does not give the answer AWS gave. The policy
          may have changed since it was read, or a condition depends on a value the console cannot
          see (for example the source IP address or a VPC endpoint).
        </Alert>
      ) : null}
      <PolicyView
        policy={policySource.policy}
        findings={explanation.findings}
        label={`Key policy, evaluated for ${operation}`}
      />
    </SpaceBetween>
  );
}

function SuggestedStatement({
  operation,
  suggestion,
}: {
  operation: string;
  suggestion: Suggestion;
}) {
  const text = JSON.stringify(suggestion.statement, null, 2);
  return (
    <SpaceBetween size="xxs">
      <Box variant="h4">Suggested statement for {suggestion.where}</Box>
      <Box variant="p" color="text-body-secondary">
        {suggestion.target === 'key-policy'
          ? 'Add it to the Statement list of the key policy.'
          : 'Add it to an IAM policy attached to the principal.'}{' '}
        Nothing is applied: review it, then copy it into the policy yourself.
      </Box>
      <pre
        aria-label={`Suggested statement for ${operation}`}
        style={{
          margin: 0,
          padding: 8,
          border: '1px solid #c6c6cd',
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {text}
      </pre>
      <CopyToClipboard
        variant="button"
        textToCopy={text}
        copyButtonText="Copy statement"
        copySuccessText="Statement copied"
        copyErrorText="The statement could not be copied"
      />
    </SpaceBetween>
  );
}
