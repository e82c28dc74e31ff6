import { useI18n } from 'vue-i18n';
import { ApiError } from '@/graphql/client';
import { hasMessage } from '../../messages';

/** A failure as one sentence for the citizen; field errors are shown by their fields instead. */
export function useErrorText() {
  const { t } = useI18n();
  return (err: unknown) => {
    const code = err instanceof ApiError ? err.code : 'other';
    return hasMessage(t, `complaint.error.${code}`) ? t(`complaint.error.${code}`) : t('complaint.error.other');
  };
}

/**
 * Server field errors by field name (`photoIds.0` counts for `photoIds`), in the reader's
 * language: the server's messages are for developers.
 */
export function useFieldErrors() {
  const { t } = useI18n();
  return (err: unknown): Record<string, string> | null => {
    if (!(err instanceof ApiError) || !err.fields.length) return null;
    return Object.fromEntries(
      err.fields.map((f) => {
        const field = f.path.split('.')[0] ?? '';
        return [field, hasMessage(t, `complaint.invalid.${field}`) ? t(`complaint.invalid.${field}`) : f.message];
      }),
    );
  };
}
