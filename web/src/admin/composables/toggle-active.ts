import { ElMessage, ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { useNotifyError } from './errors';

/** Deactivate (after a confirmation) or reactivate a record, then reload. */
export function useToggleActive(save: (id: string, active: boolean) => Promise<unknown>, reload: () => unknown) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  return async (row: { id: string; active: boolean }, name: string) => {
    if (row.active) {
      const ok = await ElMessageBox.confirm(t('msg.confirmDeactivate', { name }), t('action.deactivate'), {
        type: 'warning',
        confirmButtonText: t('action.confirm'),
        cancelButtonText: t('action.cancel'),
      }).catch(() => false);
      if (!ok) return;
    }
    try {
      await save(row.id, !row.active);
      ElMessage.success(t('msg.saved'));
      await reload();
    } catch (err) {
      notifyError(err);
    }
  };
}
