import { ConfigError } from '../../core/errors.js';

/**
 * The data cannot support a statistic (one model, zero variance, too few questions…): a problem the
 * user fixes with other input, so it exits 2 with its one-line message like any usage error.
 */
export class InsufficientDataError extends ConfigError {
  constructor(message: string) {
    super(message, { code: 'insufficient-data' });
    this.name = 'InsufficientDataError';
  }
}
