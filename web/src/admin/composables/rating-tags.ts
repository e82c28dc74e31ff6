import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { request } from '@/graphql/client';
import { graphql } from '@/graphql/graphql';

// Ratings store reason tags as codes (ATTITUDE); people read their labels, from the settings.
const Tags = graphql(`
  query RatingTagLabels {
    ratingSettings {
      negativeTags {
        code
        zh
        en
      }
      positiveTags {
        code
        zh
        en
      }
    }
  }
`);
const labels = ref(new Map<string, { zh: string; en: string }>());
let loading: Promise<void> | null = null;

export function useTagLabels() {
  const { locale } = useI18n();
  loading ??= request(Tags).then(
    (d) => {
      labels.value = new Map(
        [...d.ratingSettings.negativeTags, ...d.ratingSettings.positiveTags].map((t) => [t.code, t]),
      );
    },
    () => {
      loading = null; // try again next time
    },
  );
  const label = (code: string) => {
    const l = labels.value.get(code);
    return l ? (locale.value === 'en' ? l.en : l.zh) : code;
  };
  return (codes: readonly string[]) => codes.map(label).join('、');
}
