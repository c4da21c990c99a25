import { VoucherLine } from '../finance.api';

export interface VoucherBalance { debit: number; credit: number; balanced: boolean; }

/** Sums a voucher's lines in cents, so that 0.1 + 0.2 does not make a balanced voucher look off by a rounding error. */
export function voucherBalance(lines: readonly VoucherLine[]): VoucherBalance {
  const cents = (amount: number) => Math.round(amount * 100);
  const debit = lines.reduce((sum, l) => sum + cents(l.debit), 0);
  const credit = lines.reduce((sum, l) => sum + cents(l.credit), 0);
  return { debit: debit / 100, credit: credit / 100, balanced: debit === credit };
}
