import { ElMessage, type FormInstance } from 'element-plus';
import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFormErrors, useNotifyError } from './errors';

/**
 * The life of an edit dialog: reset the fields when it opens, validate on the client, save,
 * show server field errors next to their fields (other errors as a toast), close on success.
 */
export function useDialogForm(opts: {
  open: Ref<boolean>;
  /** Fill the form for the record being edited (or blank for a new one). */
  reset: () => void;
  save: () => Promise<unknown>;
  onSaved?: () => void;
  /** i18n key of the success toast. */
  success?: () => string;
}) {
  const { t } = useI18n();
  const formRef = ref<FormInstance>();
  const saving = ref(false);
  const { errors, apply, clear } = useFormErrors();
  const notifyError = useNotifyError();

  watch(opts.open, (isOpen) => {
    if (!isOpen) return;
    clear();
    opts.reset();
    formRef.value?.clearValidate();
  });

  async function submit() {
    clear();
    if (!(await formRef.value?.validate().catch(() => false))) return;
    saving.value = true;
    try {
      await opts.save();
      ElMessage.success(t(opts.success?.() ?? 'msg.saved'));
      opts.open.value = false;
      opts.onSaved?.();
    } catch (err) {
      if (!apply(err)) notifyError(err);
    } finally {
      saving.value = false;
    }
  }

  return { formRef, saving, errors, submit };
}
