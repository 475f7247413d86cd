import { describe, expect, it } from 'vitest';
import { rememberSecrets, scrubSecrets } from './scrub-secrets.js';

describe('scrubSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-proj-AbCdEf123456789', 'Incorrect API key provided: [redacted]'],
    ['invalid x-api-key sk-ant-api03-ZZZZ_zzzz-1234', 'invalid x-api-key [redacted]'],
    ['Authorization: Bearer eyJhbGciOi.J9abc-123', 'Authorization: Bearer [redacted]'],
    ['{"api_key": "a1b2c3d4e5f6g7h8i9j0"}', '{"api_key": "[redacted]"}'],
    ['apiKey: environment variable X is not set', 'apiKey: environment variable X is not set'],
    ['the sky is blue', 'the sky is blue'],
  ])('scrubs %j', (text, expected) => {
    expect(scrubSecrets(text)).toBe(expected);
  });

  it('scrubs known secrets of any shape', () => {
    expect(scrubSecrets('token hunter2-xyz was refused', ['hunter2-xyz'])).toBe(
      'token [redacted] was refused',
    );
  });
});

describe('rememberSecrets', () => {
  it('makes every later scrub remove the remembered values, longest first', () => {
    rememberSecrets(['remembered-secret', 'robin:remembered-secret', 'short']);
    expect(scrubSecrets('sent robin:remembered-secret, then remembered-secret; short stays')).toBe(
      'sent [redacted], then [redacted]; short stays',
    );
  });
});
