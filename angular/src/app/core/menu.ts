/**
 * The side menu; each module adds its entries here, shown only with the entry's permission, when the tenant's plan
 * includes the entry's module (`module`, else the route's first segment: `/finance/...` belongs to Finance), and,
 * for a plugin's entry, when the server loaded that plugin.
 */
export interface MenuItem {
  labelKey: string; route: string; icon: string; permission: string; testId: string; groupKey?: string; module?: string; plugin?: string;
}
/** Consecutive entries of one group, shown under the group's heading (entries without a group have none). */
export interface MenuSection { groupKey: string | null; items: MenuItem[]; }

export const MENU: MenuItem[] = [
  { labelKey: 'menu.leads', route: '/crm/leads', icon: 'person_search', permission: 'Crm.Leads', testId: 'menu-leads' },
  { labelKey: 'menu.customers', route: '/crm/customers', icon: 'business', permission: 'Crm.Customers', testId: 'menu-customers' },
  { labelKey: 'menu.contacts', route: '/crm/contacts', icon: 'contacts', permission: 'Crm.Contacts', testId: 'menu-contacts' },
  { labelKey: 'menu.opportunities', route: '/crm/opportunities', icon: 'view_kanban', permission: 'Crm.Opportunities', testId: 'menu-opportunities' },
  { labelKey: 'menu.contracts', route: '/crm/contracts', icon: 'description', permission: 'Crm.Contracts', testId: 'menu-contracts' },
  { labelKey: 'menu.salesOrders', route: '/orders/sales-orders', icon: 'local_shipping', permission: 'Orders.SalesOrders', testId: 'menu-orders' },
  { labelKey: 'menu.products', route: '/orders/products', icon: 'inventory_2', permission: 'Orders.Products', testId: 'menu-products' },
  { labelKey: 'menu.stock', route: '/inventory/stock', icon: 'warehouse', permission: 'Inventory.Stock', testId: 'menu-stock', groupKey: 'menu.inventory' },
  { labelKey: 'menu.movements', route: '/inventory/movements', icon: 'swap_vert', permission: 'Inventory.Stock', testId: 'menu-movements', groupKey: 'menu.inventory' },
  { labelKey: 'menu.stocktakes', route: '/inventory/stocktakes', icon: 'fact_check', permission: 'Inventory.Stocktakes', testId: 'menu-stocktakes', groupKey: 'menu.inventory' },
  { labelKey: 'menu.stockItems', route: '/inventory/products', icon: 'tune', permission: 'Inventory.Products', testId: 'menu-stock-items', groupKey: 'menu.inventory' },
  { labelKey: 'menu.warehouses', route: '/inventory/warehouses', icon: 'store', permission: 'Inventory.Warehouses', testId: 'menu-warehouses', groupKey: 'menu.inventory' },
  { labelKey: 'menu.invoices', route: '/finance/invoices', icon: 'receipt_long', permission: 'Finance.Invoices', testId: 'menu-invoices', groupKey: 'menu.finance' },
  { labelKey: 'menu.receivables', route: '/finance/receivables', icon: 'account_balance_wallet', permission: 'Finance.Invoices', testId: 'menu-receivables', groupKey: 'menu.finance' },
  { labelKey: 'menu.payments', route: '/finance/payments', icon: 'payments', permission: 'Finance.Payments', testId: 'menu-payments', groupKey: 'menu.finance' },
  { labelKey: 'menu.payables', route: '/finance/payables', icon: 'request_quote', permission: 'Finance.Payables', testId: 'menu-payables', groupKey: 'menu.finance' },
  { labelKey: 'menu.paymentRuns', route: '/finance/payment-runs', icon: 'playlist_add_check', permission: 'Finance.Payables', testId: 'menu-payment-runs', groupKey: 'menu.finance' },
  { labelKey: 'menu.supplierStatement', route: '/finance/supplier-statement', icon: 'fact_check', permission: 'Finance.Payables', testId: 'menu-supplier-statement', groupKey: 'menu.finance' },
  { labelKey: 'menu.vouchers', route: '/finance/vouchers', icon: 'menu_book', permission: 'Finance.Vouchers', testId: 'menu-vouchers', groupKey: 'menu.finance' },
  { labelKey: 'menu.trialBalance', route: '/finance/reports/trial-balance', icon: 'balance', permission: 'Finance.Reports', testId: 'menu-trial-balance', groupKey: 'menu.finance' },
  { labelKey: 'menu.arAging', route: '/finance/reports/ar-aging', icon: 'hourglass_bottom', permission: 'Finance.Reports', testId: 'menu-ar-aging', groupKey: 'menu.finance' },
  { labelKey: 'menu.apAging', route: '/finance/reports/ap-aging', icon: 'hourglass_top', permission: 'Finance.Reports', testId: 'menu-ap-aging', groupKey: 'menu.finance' },
  { labelKey: 'menu.purchaseRequests', route: '/purchasing/requests', icon: 'shopping_cart', permission: 'Purchasing.Requests', testId: 'menu-purchase-requests', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.purchaseOrders', route: '/purchasing/orders', icon: 'assignment', permission: 'Purchasing.Orders', testId: 'menu-purchase-orders', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.suppliers', route: '/purchasing/suppliers', icon: 'storefront', permission: 'Purchasing.Suppliers', testId: 'menu-suppliers', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.employees', route: '/hr/employees', icon: 'badge', permission: 'Hr.Employees', testId: 'menu-employees', groupKey: 'menu.hr' },
  { labelKey: 'menu.departments', route: '/hr/departments', icon: 'account_tree', permission: 'Hr.Departments', testId: 'menu-departments', groupKey: 'menu.hr' },
  { labelKey: 'menu.orgChart', route: '/hr/org-chart', icon: 'lan', permission: 'Hr.Departments', testId: 'menu-org-chart', groupKey: 'menu.hr' },
  { labelKey: 'menu.recruitment', route: '/hr/recruitment', icon: 'work', permission: 'Hr.Recruitment', testId: 'menu-recruitment', groupKey: 'menu.hr' },
  { labelKey: 'menu.leave', route: '/hr/leave', icon: 'beach_access', permission: 'Hr.Leave', testId: 'menu-leave', groupKey: 'menu.hr' },
  { labelKey: 'menu.expenses', route: '/hr/expenses', icon: 'receipt', permission: 'Hr.Expenses', testId: 'menu-expenses', groupKey: 'menu.hr' },
  { labelKey: 'menu.leaveTypes', route: '/hr/leave-types', icon: 'event_available', permission: 'Hr.Leave.Manage', testId: 'menu-leave-types', groupKey: 'menu.hr' },
  { labelKey: 'menu.approvals', route: '/oa/approvals', icon: 'approval', permission: 'Oa.Approvals', testId: 'menu-approvals', groupKey: 'menu.oa' },
  { labelKey: 'menu.delegations', route: '/oa/delegations', icon: 'switch_account', permission: 'Oa.Approvals', testId: 'menu-delegations', groupKey: 'menu.oa' },
  { labelKey: 'menu.tasks', route: '/oa/tasks', icon: 'task_alt', permission: 'Oa.Tasks', testId: 'menu-tasks', groupKey: 'menu.oa' },
  { labelKey: 'menu.announcements', route: '/oa/announcements', icon: 'campaign', permission: 'Oa.Announcements', testId: 'menu-announcements', groupKey: 'menu.oa' },
  { labelKey: 'menu.approvalFlows', route: '/oa/approval-flows', icon: 'account_tree', permission: 'Oa.ApprovalFlows', testId: 'menu-approval-flows', groupKey: 'menu.oa' },
  { labelKey: 'menu.insightsL2c', route: '/insights/lead-to-cash', icon: 'insights', permission: 'Insights.View', testId: 'menu-insights', groupKey: 'menu.insights' },
  { labelKey: 'menu.insightsOa', route: '/insights/oa', icon: 'timer', permission: 'Insights.View', testId: 'menu-insights-oa', groupKey: 'menu.insights' },
  { labelKey: 'menu.insightsTargets', route: '/insights/targets', icon: 'flag', permission: 'Insights.Manage', testId: 'menu-insights-targets', groupKey: 'menu.insights' },
  { labelKey: 'menu.users', route: '/identity/users', icon: 'person', permission: 'Identity.Users', testId: 'menu-users' },
  { labelKey: 'menu.roles', route: '/identity/roles', icon: 'admin_panel_settings', permission: 'Identity.Roles', testId: 'menu-roles' },
  { labelKey: 'menu.apiKeys', route: '/identity/api-keys', icon: 'vpn_key', permission: 'Identity.ApiKeys', testId: 'menu-api-keys', module: 'ApiKeys' },
  { labelKey: 'menu.subscription', route: '/saas/subscription', icon: 'workspace_premium', permission: 'Saas.Subscription', testId: 'menu-subscription' },
  { labelKey: 'menu.webhooks', route: '/webhooks', icon: 'webhook', permission: 'Webhooks.Manage', testId: 'menu-webhooks' },
  { labelKey: 'menu.tenants', route: '/saas/tenants', icon: 'apartment', permission: 'Saas.Tenants', testId: 'menu-tenants' },
  { labelKey: 'menu.audit', route: '/audit', icon: 'history', permission: 'Kernel.AuditLogs', testId: 'menu-audit' },
  { labelKey: 'menu.settings', route: '/settings', icon: 'settings', permission: 'Kernel.Settings', testId: 'menu-settings' },
  { labelKey: 'menu.groupRobots', route: '/plugins/robot-notifier', icon: 'smart_toy', permission: 'RobotNotifier.Manage', testId: 'menu-group-robots',
    groupKey: 'menu.integrations', plugin: 'RobotNotifier' },
];

/** `locked`: the modules the tenant's plan leaves out (from `/api/saas/subscription`); `plugins`: the plugins the server loaded. */
export function visibleMenu(granted: ReadonlySet<string>, items: MenuItem[] = MENU, locked: ReadonlySet<string> = new Set(),
                            plugins: ReadonlySet<string> = new Set()): MenuItem[] {
  const lockedLower = new Set([...locked].map(m => m.toLowerCase()));
  return items.filter(item => granted.has(item.permission)
    && !lockedLower.has((item.module ?? item.route.split('/')[1]).toLowerCase())
    && (!item.plugin || plugins.has(item.plugin)));
}

export function menuSections(items: MenuItem[]): MenuSection[] {
  const sections: MenuSection[] = [];
  for (const item of items) {
    const groupKey = item.groupKey ?? null;
    const last = sections.at(-1);
    if (last && last.groupKey === groupKey) last.items.push(item); else sections.push({ groupKey, items: [item] });
  }
  return sections;
}
