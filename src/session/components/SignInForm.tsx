import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { checkEndpoint, ConfigError, type RuntimeConfig } from '../config';
import {
  METHOD_LABELS,
  SANDBOX_USERS,
  SANDBOX_USER_ROLES,
  validateSignInRequest,
  type SandboxUser,
  type SignInMethod,
  type SignInRequest,
} from '../sign-in-request';

interface FormState {
  method: SignInMethod;
  region: string;
  endpoint: string;
  user: SandboxUser;
  identityPoolId: string;
  cognitoAccess: 'guest' | 'userPool';
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

function initialState(config: RuntimeConfig, last: SignInRequest | undefined): FormState {
  const state: FormState = {
    method: config.sandbox ? 'sandbox' : 'cognito',
    region: config.region,
    endpoint: '',
    user: 'admin',
    identityPoolId: config.identityPoolId,
    cognitoAccess: config.userPoolId ? 'userPool' : 'guest',
    userPoolId: config.userPoolId,
    clientId: config.userPoolClientId,
    username: '',
    password: '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
  };
  if (!last) return state;
  state.method = last.method;
  state.region = last.region || state.region;
  state.endpoint = last.endpoint ?? '';
  if (last.method === 'sandbox') state.user = last.user;
  if (last.method === 'cognito') {
    state.identityPoolId = last.identityPoolId;
    state.cognitoAccess = last.login ? 'userPool' : 'guest';
    if (last.login) {
      state.userPoolId = last.login.userPoolId;
      state.clientId = last.login.clientId;
      state.username = last.login.username;
    }
  }
  if (last.method === 'accessKeys') state.accessKeyId = last.accessKeyId;
  return state;
}

function toRequest(state: FormState): SignInRequest {
  const connection = { region: state.region.trim(), endpoint: state.endpoint.trim() };
  switch (state.method) {
    case 'sandbox':
      return { ...connection, method: 'sandbox', user: state.user };
    case 'cognito':
      return {
        ...connection,
        method: 'cognito',
        identityPoolId: state.identityPoolId.trim(),
        login:
          state.cognitoAccess === 'userPool'
            ? {
                userPoolId: state.userPoolId.trim(),
                clientId: state.clientId.trim(),
                username: state.username.trim(),
                password: state.password,
              }
            : undefined,
      };
    case 'accessKeys':
      return {
        ...connection,
        method: 'accessKeys',
        accessKeyId: state.accessKeyId.trim(),
        secretAccessKey: state.secretAccessKey.trim(),
        sessionToken: state.sessionToken.trim() || undefined,
      };
  }
}

export interface SignInFormProps {
  config: RuntimeConfig;
  last?: SignInRequest;
  onSubmit(request: SignInRequest): Promise<void>;
  /** Shown above the fields, e.g. why the user must sign in again. */
  intro?: ReactNode;
  secondaryAction?: ReactNode;
}

/** The three ways in: the sandbox's scenario users, a Cognito identity pool, or access keys. */
export function SignInForm({ config, last, onSubmit, intro, secondaryAction }: SignInFormProps) {
  const [state, setState] = useState<FormState>(() => initialState(config, last));
  const [error, setError] = useState<unknown>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormState>(name: K, value: FormState[K]) =>
    setState((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const request = toRequest(state);
    const found = validateSignInRequest(request, !config.sandbox);
    if (request.endpoint !== '') {
      try {
        checkEndpoint(request.endpoint, 'Endpoint URL');
      } catch (invalid) {
        found.push((invalid as ConfigError).message);
      }
    }
    setProblems(found);
    setError(undefined);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await onSubmit(request);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const endpointHint = config.sandbox
    ? 'Empty: this page’s origin (the sandbox serving the console).'
    : 'Empty: AWS’s regional endpoints.';

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {secondaryAction}
            <Button variant="primary" formAction="submit" loading={busy}>
              Sign in
            </Button>
          </SpaceBetween>
        }
        errorText={problems.length > 0 ? problems.join(' ') : undefined}
      >
        <SpaceBetween size="l">
          {intro}
          <FormField label="Connection" stretch>
            <Tiles
              ariaLabel="Connection"
              value={state.method}
              onChange={({ detail }) => set('method', detail.value as SignInMethod)}
              columns={3}
              items={(['sandbox', 'cognito', 'accessKeys'] as const).map((method) => ({
                value: method,
                label: METHOD_LABELS[method],
              }))}
            />
          </FormField>

          {state.method === 'sandbox' ? (
            <FormField
              label="User"
              description="A scenario user of the sandbox. Signs in like a browser app on AWS: user pool, then identity pool."
            >
              <RadioGroup
                ariaLabel="User"
                value={state.user}
                onChange={({ detail }) => set('user', detail.value as SandboxUser)}
                items={SANDBOX_USERS.map((user) => ({
                  value: user,
                  label: user,
                  description: SANDBOX_USER_ROLES[user],
                }))}
              />
            </FormField>
          ) : null}

          {state.method === 'cognito' ? (
            <SpaceBetween size="m">
              <FormField label="Identity pool ID" description="region:GUID">
                <Input
                  value={state.identityPoolId}
                  onChange={({ detail }) => set('identityPoolId', detail.value)}
                  placeholder="us-east-1:11111111-2222-4333-8444-555555555555"
                  spellcheck={false}
                />
              </FormField>
              <FormField label="Access">
                <RadioGroup
                  ariaLabel="Access"
                  value={state.cognitoAccess}
                  onChange={({ detail }) =>
                    set('cognitoAccess', detail.value as FormState['cognitoAccess'])
                  }
                  items={[
                    {
                      value: 'guest',
                      label: 'Guest access',
                      description:
                        'Unauthenticated identity; Cognito limits it to cryptographic actions.',
                    },
                    {
                      value: 'userPool',
                      label: 'User pool login',
                      description:
                        'Username and password of a Cognito user pool (USER_PASSWORD_AUTH).',
                    },
                  ]}
                />
              </FormField>
              {state.cognitoAccess === 'userPool' ? (
                <>
                  <FormField label="User pool ID">
                    <Input
                      value={state.userPoolId}
                      onChange={({ detail }) => set('userPoolId', detail.value)}
                      placeholder="us-east-1_AbCdEf123"
                      spellcheck={false}
                    />
                  </FormField>
                  <FormField label="App client ID">
                    <Input
                      value={state.clientId}
                      onChange={({ detail }) => set('clientId', detail.value)}
                      spellcheck={false}
                    />
                  </FormField>
                  <FormField label="Username">
                    <Input
                      value={state.username}
                      onChange={({ detail }) => set('username', detail.value)}
                      autoComplete="username"
                      spellcheck={false}
                    />
                  </FormField>
                  <FormField label="Password">
                    <Input
                      type="password"
                      value={state.password}
                      onChange={({ detail }) => set('password', detail.value)}
                      autoComplete="current-password"
                    />
                  </FormField>
                </>
              ) : null}
            </SpaceBetween>
          ) : null}

          {state.method === 'accessKeys' ? (
            <SpaceBetween size="m">
              <FormField label="Access key ID">
                <Input
                  value={state.accessKeyId}
                  onChange={({ detail }) => set('accessKeyId', detail.value)}
                  placeholder="AKIAIOSFODNN7EXAMPLE"
                  autoComplete="username"
                  spellcheck={false}
                />
              </FormField>
              <FormField
                label="Secret access key"
                description="Kept in this tab’s memory only: never stored, so a reload asks again."
              >
                <Input
                  type="password"
                  value={state.secretAccessKey}
                  onChange={({ detail }) => set('secretAccessKey', detail.value)}
                  autoComplete="current-password"
                />
              </FormField>
              <FormField
                label="Session token"
                constraintText="Optional: for temporary credentials (ASIA…)."
              >
                <Input
                  type="password"
                  value={state.sessionToken}
                  onChange={({ detail }) => set('sessionToken', detail.value)}
                  autoComplete="off"
                />
              </FormField>
            </SpaceBetween>
          ) : null}

          <FormField label="Region">
            <Input
              value={state.region}
              onChange={({ detail }) => set('region', detail.value)}
              placeholder="us-east-1"
              spellcheck={false}
            />
          </FormField>

          <ExpandableSection
            headerText="Endpoint"
            defaultExpanded={state.endpoint !== ''}
            headerDescription={state.endpoint === '' ? endpointHint : state.endpoint}
          >
            <FormField
              label="Endpoint URL"
              description="One URL for KMS, STS and Cognito: the sandbox, LocalStack, moto, or a VPC endpoint."
              constraintText={endpointHint}
            >
              <Input
                type="url"
                value={state.endpoint}
                onChange={({ detail }) => set('endpoint', detail.value)}
                placeholder="http://127.0.0.1:4566"
                spellcheck={false}
              />
            </FormField>
          </ExpandableSection>

          {error !== undefined ? <ErrorAlert error={error} /> : null}
          {state.method === 'sandbox' && !config.sandbox ? (
            <Box variant="small" color="text-body-secondary">
              This console is not served by the sandbox: set the sandbox’s URL under Endpoint.
            </Box>
          ) : null}
        </SpaceBetween>
      </Form>
    </form>
  );
}
