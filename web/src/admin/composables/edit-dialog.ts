import { ref, shallowRef } from 'vue';

/** Which record an edit dialog is showing (null = a new one) and whether it is open. */
export function useEditDialog<T>() {
  const open = ref(false);
  const row = shallowRef<T | null>(null);
  function edit(target: T | null) {
    row.value = target;
    open.value = true;
  }
  return { open, row, edit };
}
