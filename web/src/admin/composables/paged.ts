import { onMounted, reactive, ref, shallowRef } from 'vue';
import { useNotifyError } from './errors';

export interface PageResult<T> {
  items: T[];
  total: number;
}

/**
 * State for a server-paginated table: filters, page, loading, rows. `fetch` gets the filters and
 * page and returns one page; `search()` restarts from page 1.
 */
export function usePaged<T, F extends object>(
  initial: F,
  fetch: (filters: F, page: number, pageSize: number) => Promise<PageResult<T>>,
) {
  const filters = reactive({ ...initial }) as F;
  const page = ref(1);
  const pageSize = ref(20);
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const notifyError = useNotifyError();

  async function reload() {
    loading.value = true;
    try {
      const result = await fetch({ ...filters }, page.value, pageSize.value);
      items.value = result.items;
      total.value = result.total;
    } catch (err) {
      notifyError(err);
    } finally {
      loading.value = false;
    }
  }

  function search() {
    page.value = 1;
    return reload();
  }

  function reset() {
    Object.assign(filters, initial);
    return search();
  }

  onMounted(reload);
  return { filters, page, pageSize, items, total, loading, reload, search, reset };
}
