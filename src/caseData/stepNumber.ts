import { latinDigits } from './userDataValues';

/**
 * Up or Down on a number's text: one more or less, with as many decimals as it has (1.1
 * stepped down is 0.1, not 0.10000000000000009; at most 15, past which a double's are noise), or
 * as JavaScript writes it for an exponent (1.5e-7 up is 1.00000015, not 1.0000), in the
 * digits typed (Arabic stay Arabic: review); null if no number.
 */
export function stepped(text: string, by: number): string | null {
  const latin = latinDigits(text.trim()) || '0';
  const current = Number(latin);
  if (!Number.isFinite(current)) return null;
  const decimals = /^[+-]?\d*\.(\d+)$/.exec(latin)?.[1]?.length ?? (/e/i.test(latin) ? -1 : 0);
  const next = decimals < 0 ? String(current + by) : (current + by).toFixed(Math.min(decimals, 15));
  const digits = /[٠-٩]/.test(text) ? '٠١٢٣٤٥٦٧٨٩' : /[۰-۹]/.test(text) ? '۰۱۲۳۴۵۶۷۸۹' : null;
  return digits ? next.replace(/\d/g, (digit) => digits[Number(digit)] ?? digit).replace('.', text.includes('٫') ? '٫' : '.') : next;
}
