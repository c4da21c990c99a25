import en from '../../assets/i18n/en.json';
import zh from '../../assets/i18n/zh-CN.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]).sort();
}

describe('translations', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(zh)).toEqual(keys(en));
    expect(keys(zh).length).toBeGreaterThan(50);
  });

  it('have no empty texts', () => {
    for (const tree of [zh, en]) {
      const empty = keys(tree).filter(key => !key.split('.').reduce((node: any, part) => node[part], tree));
      expect(empty).toEqual([]);
    }
  });
});
