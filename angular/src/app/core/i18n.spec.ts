import en from '../../assets/i18n/en.json';
import zh from '../../assets/i18n/zh-CN.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]).sort();
}

/** Every text with its key; a key may itself hold dots (the search's record types: "crm.customer"). */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]);
}

describe('translations', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(zh)).toEqual(keys(en));
    expect(keys(zh).length).toBeGreaterThan(50);
  });

  it('have no empty texts', () => {
    for (const tree of [zh, en]) {
      const empty = leaves(tree).filter(([, text]) => !text).map(([key]) => key);
      expect(empty).toEqual([]);
    }
  });
});
