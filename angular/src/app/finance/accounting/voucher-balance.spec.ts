import { voucherBalance } from './voucher-balance';

describe('voucherBalance', () => {
  it('totals the debits and credits of an invoice voucher and finds it balanced', () => {
    const balance = voucherBalance([
      { accountCode: '1122', accountName: '应收账款', debit: 3390, credit: 0 },
      { accountCode: '6001', accountName: '主营业务收入', debit: 0, credit: 3000 },
      { accountCode: '22210102', accountName: '应交税费—应交增值税（销项税额）', debit: 0, credit: 390 },
    ]);
    expect(balance).toEqual({ debit: 3390, credit: 3390, balanced: true });
  });

  it('adds in cents, so decimal amounts that balance are not reported off', () => {
    const balance = voucherBalance([
      { accountCode: '1002', accountName: '银行存款', debit: 0.3, credit: 0 },
      { accountCode: '1122', accountName: '应收账款', debit: 0, credit: 0.1 },
      { accountCode: '1122', accountName: '应收账款', debit: 0, credit: 0.2 },
    ]);
    expect(balance).toEqual({ debit: 0.3, credit: 0.3, balanced: true });
  });

  it('reports a difference', () => {
    expect(voucherBalance([{ accountCode: '1002', accountName: '银行存款', debit: 100, credit: 0 }]).balanced).toBe(false);
    expect(voucherBalance([])).toEqual({ debit: 0, credit: 0, balanced: true });
  });
});
