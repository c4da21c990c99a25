import { formatKpi, lowerIsBetter, trend } from './insights.api';
import { sparkPath } from './sparkline';

describe('insights figures', () => {
  it('formats KPI values in the user\'s locale with a dash for nothing measured', () => {
    expect(formatKpi(1234.56, 'amount', 'en')).toBe('1,235');
    expect(formatKpi(12.345, 'hours', 'en')).toBe('12.3');
    expect(formatKpi(42.5, 'percent', 'en')).toBe('42.5%');
    expect(formatKpi(null, 'days', 'zh-CN')).toBe('–');
  });

  it('compares with the previous period only when both exist and the base is not zero', () => {
    expect(trend({ value: 15, previous: 10 })).toBe(50);
    expect(trend({ value: 5, previous: 10 })).toBe(-50);
    expect(trend({ value: 5, previous: null })).toBeNull();
    expect(trend({ value: 5, previous: 0 })).toBeNull();
  });

  it('treats durations as better when lower and rates as better when higher', () => {
    expect(lowerIsBetter({ key: 'contract-submit-to-approve', unit: 'hours' })).toBe(true);
    expect(lowerIsBetter({ key: 'opportunity-win-rate', unit: 'percent' })).toBe(false);
    expect(lowerIsBetter({ key: 'overdue-share', unit: 'percent' })).toBe(true);
    expect(lowerIsBetter({ key: 'oa.approval-rejection-rate', unit: 'percent', direction: 'max' })).toBe(true);
    expect(lowerIsBetter({ key: 'l2c.opportunity-cycle', unit: 'days', direction: 'min' })).toBe(false);
  });

  it('breaks the sparkline where a period has no value', () => {
    const path = sparkPath([{ periodStart: 'a', value: 0 }, { periodStart: 'b', value: 10 }, { periodStart: 'c', value: null }, { periodStart: 'd', value: 5 }],
      90, 32, { min: 0, span: 10 });
    expect(path).toBe('M0 30 L30 2 M90 16');
    expect(sparkPath([], 90, 32, null)).toBeNull();
  });
});
