import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useNotifyError } from './errors';

/**
 * One button's action on a record: ask first when `confirm` is given, show the outcome, then
 * reload. `busy` is true meanwhile, for the buttons' loading state.
 */
export function useAct(reload: () => unknown) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const busy = ref(false);

  async function act(action: () => Promise<unknown>, confirm?: string) {
    if (confirm) {
      const ok = await ElMessageBox.confirm(confirm, {
        type: 'warning',
        confirmButtonText: t('action.confirm'),
        cancelButtonText: t('action.cancel'),
      }).catch(() => false);
      if (!ok) return false;
    }
    busy.value = true;
    try {
      await action();
      ElMessage.success(t('msg.saved'));
      await reload();
      return true;
    } catch (err) {
      notifyError(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, act };
}
