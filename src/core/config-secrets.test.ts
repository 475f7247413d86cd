import { describe, expect, it } from 'vitest';
import { redactUrl, secretsOfConfig } from './config-secrets.js';

describe('redactUrl', () => {
  it.each([
    ['http://user:sk-abc@127.0.0.1:8080/v1', 'http://[redacted]@127.0.0.1:8080/v1'],
    [
      'https://gw.example/v1?api_key=k123&region=eu',
      'https://gw.example/v1?api_key=[redacted]&region=[redacted]',
    ],
    ['https://api.openai.com/v1', 'https://api.openai.com/v1'],
    ['http://a@b@host/v1#x', 'http://[redacted]@host/v1#x'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('secretsOfConfig', () => {
  it('knows keys, header values and their tokens, URL credentials (raw, decoded, Basic) and query values', () => {
    const secrets = secretsOfConfig(
      {
        providers: {
          gate: {
            apiKey: 'sk-config-key',
            headers: { authorization: 'Bearer tok-123456' },
            baseURL: 'http://robin:p%40ss-word@127.0.0.1/v1?api_key=query-key',
          },
        },
      },
      { OPENAI_API_KEY: 'sk-env-key', HOME: '/home/x' },
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        'sk-env-key',
        'sk-config-key',
        'Bearer tok-123456',
        'tok-123456',
        'p@ss-word',
        'p%40ss-word',
        'robin:p@ss-word',
        Buffer.from('robin:p@ss-word').toString('base64'),
        'query-key',
      ]),
    );
    expect(secrets).not.toContain('/home/x');
  });
});
