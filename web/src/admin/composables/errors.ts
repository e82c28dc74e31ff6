import { ElMessage } from 'element-plus';
import { reactive } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/graphql/client';

/** Turns any failure into a sentence in the user's language. */
export function useErrorText() {
  const { t, te } = useI18n();
  return (err: unknown) => {
    if (!(err instanceof ApiError)) return t('error.unknown', { message: String((err as Error)?.message ?? err) });
    if (err.code === 'LOGIN_THROTTLED') {
      return t('error.LOGIN_THROTTLED', { minutes: Math.ceil(Number(err.extensions.retryAfter ?? 60) / 60) });
    }
    return te(`error.${err.code}`) ? t(`error.${err.code}`) : t('error.unknown', { message: err.message });
  };
}

/** Shows a failure as a toast (the 401 redirect is handled globally). */
export function useNotifyError() {
  const text = useErrorText();
  return (err: unknown) => {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') return;
    ElMessage.error(text(err));
  };
}

/**
 * Server-side field errors for a form: `errors.code` feeds `<el-form-item :error>`, so each
 * message appears next to its field. `apply` returns false when the error concerns no field.
 */
export function useFormErrors() {
  const errors = reactive<Record<string, string>>({});
  function clear() {
    for (const key of Object.keys(errors)) delete errors[key];
  }
  function apply(err: unknown) {
    clear();
    if (!(err instanceof ApiError) || !err.fields.length) return false;
    for (const f of err.fields) errors[f.path || '_'] = f.message;
    return true;
  }
  return { errors, clear, apply };
}
