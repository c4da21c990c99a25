import { MENU, menuSections, visibleMenu } from './menu';

describe('menu', () => {
  it('shows only the entries whose permission is granted', () => {
    expect(visibleMenu(new Set(['Identity.Users'])).map(i => i.route)).toEqual(['/identity/users']);
    const everyPlugin = new Set(MENU.flatMap(i => (i.plugin ? [i.plugin] : [])));
    expect(visibleMenu(new Set(MENU.map(i => i.permission)), MENU, new Set(), everyPlugin).length).toBe(MENU.length);
    expect(visibleMenu(new Set(['Identity.Users', 'Kernel.Settings'])).map(i => i.route)).toEqual(['/identity/users', '/settings']);
    expect(visibleMenu(new Set())).toEqual([]);
  });

  it('shows a plugin\'s entry only when the server loaded the plugin and the user holds its permission', () => {
    const granted = new Set(['RobotNotifier.Manage']);
    expect(visibleMenu(granted)).toEqual([]);
    expect(visibleMenu(granted, MENU, new Set(), new Set(['RobotNotifier'])).map(i => i.route)).toEqual(['/plugins/robot-notifier']);
    expect(visibleMenu(new Set(), MENU, new Set(), new Set(['RobotNotifier']))).toEqual([]);
  });

  it('does not treat a child permission as the parent', () => {
    expect(visibleMenu(new Set(['Identity.Users.Create']))).toEqual([]);
  });

  it('puts the finance entries a user may see under one finance heading', () => {
    const sales = visibleMenu(new Set(['Crm.Contracts', 'Finance.Invoices', 'Finance.Payments', 'Identity.Users']));
    const sections = menuSections(sales);
    expect(sections.map(s => s.groupKey)).toEqual([null, 'menu.finance', null]);
    expect(sections[1].items.map(i => i.route)).toEqual(['/finance/invoices', '/finance/receivables', '/finance/payments']);
    expect(menuSections([])).toEqual([]);
  });

  it('hides the modules the tenant\'s plan leaves out, by module or by the route\'s first segment', () => {
    const all = new Set(MENU.map(i => i.permission));
    const plugins = new Set(MENU.flatMap(i => (i.plugin ? [i.plugin] : [])));
    const free = visibleMenu(all, MENU, new Set(['Orders', 'Finance', 'Hr', 'ApiKeys', 'Webhooks']), plugins);
    expect(free.some(i => i.route.startsWith('/finance/') || i.route.startsWith('/orders/') || i.route.startsWith('/hr/'))).toBe(false);
    expect(free.some(i => i.route === '/identity/api-keys')).toBe(false);
    expect(free.map(i => i.route)).toContain('/crm/customers');
    expect(free.map(i => i.route)).toContain('/oa/approvals');
    expect(free.map(i => i.route)).toContain('/identity/users');
    expect(free.map(i => i.route)).toContain('/saas/subscription');
    expect(free.map(i => i.route)).not.toContain('/webhooks');
    expect(visibleMenu(all, MENU, new Set(), plugins).length).toBe(MENU.length);
  });
});
