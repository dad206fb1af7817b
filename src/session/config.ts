/**
 * Runtime defaults, read from `config.json` next to index.html when the page loads, so one static
 * build deploys anywhere (the sandbox, a bucket in front of real AWS, LocalStack…).
 */
export interface RuntimeConfig {
  region: string;
  /**
   * Endpoint for every AWS call the console makes (KMS, STS, Cognito). `""` means: with
   * `sandbox: true`, this page's own origin (the sandbox serves the console); otherwise AWS's
   * regional endpoints.
   */
  endpoint: string;
  /** True when the console is served by the KMS sandbox: "Sandbox" becomes the default sign-in. */
  sandbox: boolean;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
}

export const FALLBACK_CONFIG: RuntimeConfig = {
  region: 'us-east-1',
  endpoint: '',
  sandbox: false,
  userPoolId: '',
  userPoolClientId: '',
  identityPoolId: '',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readString(source: Record<string, unknown>, name: keyof RuntimeConfig): string {
  const value = source[name];
  if (value === undefined || value === null) return FALLBACK_CONFIG[name] as string;
  if (typeof value !== 'string') {
    throw new ConfigError(`config.json: "${name}" must be a string, not ${JSON.stringify(value)}.`);
  }
  return value.trim();
}

/** Validates config.json's content; unknown members are ignored so newer files still load. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config.json must hold a JSON object.');
  }
  const source = raw as Record<string, unknown>;
  const sandbox = source.sandbox ?? false;
  if (typeof sandbox !== 'boolean') {
    throw new ConfigError('config.json: "sandbox" must be true or false.');
  }
  const endpoint = readString(source, 'endpoint');
  if (endpoint !== '') checkEndpoint(endpoint, 'config.json: "endpoint"');
  return {
    region: readString(source, 'region') || FALLBACK_CONFIG.region,
    endpoint,
    sandbox,
    userPoolId: readString(source, 'userPoolId'),
    userPoolClientId: readString(source, 'userPoolClientId'),
    identityPoolId: readString(source, 'identityPoolId'),
  };
}

/** Throws a readable error unless `value` is an absolute http(s) URL. */
export function checkEndpoint(value: string, what = 'The endpoint'): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${what} must be a full URL such as https://kms.us-east-1.amazonaws.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${what} must start with https:// or http://.`);
  }
}

/**
 * The endpoint the SDK clients get: an explicit override wins; `""` is this page's origin when
 * the sandbox serves the console, and AWS's own endpoints (undefined) otherwise.
 */
export function resolveEndpoint(
  override: string,
  sandbox: boolean,
  origin: string,
): string | undefined {
  const trimmed = override.trim().replace(/\/+$/, '');
  if (trimmed !== '') return trimmed;
  return sandbox ? origin : undefined;
}

export async function loadRuntimeConfig(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-cache' });
  } catch {
    throw new ConfigError(`Could not load ${url}: the server did not answer.`);
  }
  if (response.status === 404) return FALLBACK_CONFIG;
  if (!response.ok) throw new ConfigError(`Could not load ${url}: HTTP ${response.status}.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigError(`${url} is not valid JSON.`);
  }
  return parseRuntimeConfig(body);
}
