// Mainland China phone numbers, as citizens type them on the rating and complaint forms, and how
// staff who need not call them back see them.

/** Mobile: 11 digits, 1 then 3–9 (no mobile network uses 10x, 11x or 12x). */
export const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with its area code: 0, a 2–3 digit area code and a 7–8 digit number (10–12 digits). */
export const LANDLINE = /^0\d{9,11}$/;
/** Landline in the center's own area, without the area code: 7–8 digits, never from 0 or 1. */
export const LOCAL_LANDLINE = /^[2-9]\d{6,7}$/;

/** What people type around the digits: spaces, dashes, parentheses ("(0571) 8800-1234"). */
export const normalizePhone = (phone: string) => phone.replace(/[\s()-]/g, '');

/** A number the center can call back, after `normalizePhone`. */
export const isPhone = (digits: string) => MOBILE.test(digits) || LANDLINE.test(digits) || LOCAL_LANDLINE.test(digits);

/**
 * 13812341234 → 138****1234: enough to recognize, not enough to call. Shorter numbers keep only
 * their last four digits, so a 7-digit local number does not show six of its seven.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 11 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : `****${digits.slice(-4)}`;
}
