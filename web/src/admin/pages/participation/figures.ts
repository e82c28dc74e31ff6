/** The figures of one participation row; each row also carries its window or staff member. */
export interface Figures {
  cases: number;
  rated: number;
  rate: number;
  ratings: number;
  unbound: number;
}

/** A share as a percentage, or a dash where there is nothing to divide by. */
export const pct = (r: number, whole: number) => (whole ? `${(r * 100).toFixed(1)}%` : '—');
