import { of } from 'rxjs';
import { PageQuery } from './api';
import { ListState } from './list-state';

describe('ListState', () => {
  function state() {
    const queries: PageQuery[] = [];
    const list = new ListState<string>(q => { queries.push(q); return of({ items: [], totalCount: 0 }); });
    return { list, queries };
  }

  it('sends a header sort as field or -field, back on the first page', () => {
    const { list, queries } = state();
    list.query.set({ skip: 40, take: 20 });
    list.sort({ active: 'dueOn', direction: 'desc' });
    list.sort({ active: 'number', direction: 'asc' });
    list.sort({ active: 'number', direction: '' });
    expect(queries.map(q => [q.sort, q.skip])).toEqual([['-dueOn', 0], ['number', 0], [undefined, 0]]);
  });
});
