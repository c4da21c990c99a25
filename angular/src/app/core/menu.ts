/** The side menu; each module adds its entries here, shown only with the entry's permission. */
export interface MenuItem { labelKey: string; route: string; icon: string; permission: string; testId: string; }

export const MENU: MenuItem[] = [
  { labelKey: 'menu.leads', route: '/crm/leads', icon: 'person_search', permission: 'Crm.Leads', testId: 'menu-leads' },
  { labelKey: 'menu.customers', route: '/crm/customers', icon: 'business', permission: 'Crm.Customers', testId: 'menu-customers' },
  { labelKey: 'menu.contacts', route: '/crm/contacts', icon: 'contacts', permission: 'Crm.Contacts', testId: 'menu-contacts' },
  { labelKey: 'menu.opportunities', route: '/crm/opportunities', icon: 'view_kanban', permission: 'Crm.Opportunities', testId: 'menu-opportunities' },
  { labelKey: 'menu.contracts', route: '/crm/contracts', icon: 'description', permission: 'Crm.Contracts', testId: 'menu-contracts' },
  { labelKey: 'menu.salesOrders', route: '/orders/sales-orders', icon: 'local_shipping', permission: 'Orders.SalesOrders', testId: 'menu-orders' },
  { labelKey: 'menu.users', route: '/identity/users', icon: 'person', permission: 'Identity.Users', testId: 'menu-users' },
  { labelKey: 'menu.roles', route: '/identity/roles', icon: 'admin_panel_settings', permission: 'Identity.Roles', testId: 'menu-roles' },
  { labelKey: 'menu.tenants', route: '/saas/tenants', icon: 'apartment', permission: 'Saas.Tenants', testId: 'menu-tenants' },
  { labelKey: 'menu.audit', route: '/audit', icon: 'history', permission: 'Kernel.AuditLogs', testId: 'menu-audit' },
  { labelKey: 'menu.settings', route: '/settings', icon: 'settings', permission: 'Kernel.Settings', testId: 'menu-settings' },
];

export function visibleMenu(granted: ReadonlySet<string>, items: MenuItem[] = MENU): MenuItem[] {
  return items.filter(item => granted.has(item.permission));
}
