import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  FALLBACK_CONFIG,
  loadRuntimeConfig,
  parseRuntimeConfig,
  resolveEndpoint,
} from './config';

describe('runtime config', () => {
  it('reads public/config.json', () => {
    expect(
      parseRuntimeConfig({
        region: 'eu-west-1',
        endpoint: '',
        sandbox: true,
        userPoolId: 'eu-west-1_Abc',
        userPoolClientId: 'client',
        identityPoolId: 'eu-west-1:abc',
        somethingNewer: 1,
      }),
    ).toEqual({
      region: 'eu-west-1',
      endpoint: '',
      sandbox: true,
      userPoolId: 'eu-west-1_Abc',
      userPoolClientId: 'client',
      identityPoolId: 'eu-west-1:abc',
    });
  });

  it('fills gaps with defaults', () => {
    expect(parseRuntimeConfig({})).toEqual(FALLBACK_CONFIG);
  });

  it('explains invalid values', () => {
    expect(() => parseRuntimeConfig([])).toThrow(ConfigError);
    expect(() => parseRuntimeConfig({ sandbox: 'yes' })).toThrow('"sandbox" must be true or false');
    expect(() => parseRuntimeConfig({ region: 3 })).toThrow('"region" must be a string');
    expect(() => parseRuntimeConfig({ endpoint: 'kms.local' })).toThrow('must be a full URL');
  });

  it('resolves "" to this origin when the sandbox serves the console, else to AWS', () => {
    expect(resolveEndpoint('', true, 'http://127.0.0.1:4566')).toBe('http://127.0.0.1:4566');
    expect(resolveEndpoint('', false, 'https://console.example')).toBeUndefined();
    expect(resolveEndpoint(' http://localhost:4566/ ', false, 'x')).toBe('http://localhost:4566');
  });

  it('loads over fetch and treats a missing file as defaults', async () => {
    const answer = (status: number, body: unknown) =>
      (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
    await expect(
      loadRuntimeConfig('/config.json', answer(200, { region: 'us-west-2' })),
    ).resolves.toMatchObject({
      region: 'us-west-2',
    });
    await expect(loadRuntimeConfig('/config.json', answer(404, {}))).resolves.toEqual(
      FALLBACK_CONFIG,
    );
    await expect(loadRuntimeConfig('/config.json', answer(500, {}))).rejects.toThrow('HTTP 500');
  });
});
