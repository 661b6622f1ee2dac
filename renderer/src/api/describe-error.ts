import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/result';
import { transportProblemOf } from './transport';

/**
 * The message a bookkeeper reads for an error: specific and in their language, from the catalogue
 * (every code of shared/result.ts has one); never the English developer message or a stack trace.
 */
export function describeError(t: TFunction, error: AppError): string {
  switch (transportProblemOf(error)) {
    case 'unreachable':
      return t('errors.transport_unreachable');
    case 'unauthorized':
      return t('errors.transport_unauthorized');
    case 'bad_reply':
      return t('errors.transport_bad_reply');
    case 'upload_failed': {
      const name = error.details?.['name'];
      return t('errors.upload_failed', { name: typeof name === 'string' ? name : '' });
    }
    case 'unsupported_here':
      return t('errors.unsupported_here');
    case null:
      return t(`errors.${error.code}`);
  }
}
