import { MENU, visibleMenu } from './menu';

describe('menu', () => {
  it('shows only the entries whose permission is granted', () => {
    expect(visibleMenu(new Set(['Identity.Users'])).map(i => i.route)).toEqual(['/identity/users']);
    expect(visibleMenu(new Set(MENU.map(i => i.permission))).length).toBe(MENU.length);
    expect(visibleMenu(new Set(['Identity.Users', 'Kernel.Settings'])).map(i => i.route)).toEqual(['/identity/users', '/settings']);
    expect(visibleMenu(new Set())).toEqual([]);
  });

  it('does not treat a child permission as the parent', () => {
    expect(visibleMenu(new Set(['Identity.Users.Create']))).toEqual([]);
  });
});
