import { PermissionName, Permissions } from './api/permissions';

/**
 * The side menu; each module adds its entries here, shown only with the entry's permission, when the tenant's plan
 * includes the entry's module (`module`, else the route's first segment: `/finance/...` belongs to Finance), and,
 * for a plugin's entry, when the server loaded that plugin.
 */
export interface MenuItem {
  labelKey: string; route: string; icon: string; permission: PermissionName; testId: string; groupKey?: string; module?: string; plugin?: string;
}
/** Consecutive entries of one group, shown under the group's heading (entries without a group have none). */
export interface MenuSection { groupKey: string | null; items: MenuItem[]; }

export const MENU: MenuItem[] = [
  { labelKey: 'menu.leads', route: '/crm/leads', icon: 'person_search', permission: Permissions.CrmLeads, testId: 'menu-leads' },
  { labelKey: 'menu.customers', route: '/crm/customers', icon: 'business', permission: Permissions.CrmCustomers, testId: 'menu-customers' },
  { labelKey: 'menu.contacts', route: '/crm/contacts', icon: 'contacts', permission: Permissions.CrmContacts, testId: 'menu-contacts' },
  { labelKey: 'menu.opportunities', route: '/crm/opportunities', icon: 'view_kanban', permission: Permissions.CrmOpportunities, testId: 'menu-opportunities' },
  { labelKey: 'menu.contracts', route: '/crm/contracts', icon: 'description', permission: Permissions.CrmContracts, testId: 'menu-contracts' },
  { labelKey: 'menu.salesOrders', route: '/orders/sales-orders', icon: 'local_shipping', permission: Permissions.OrdersSalesOrders, testId: 'menu-orders' },
  { labelKey: 'menu.products', route: '/orders/products', icon: 'inventory_2', permission: Permissions.OrdersProducts, testId: 'menu-products' },
  { labelKey: 'menu.stock', route: '/inventory/stock', icon: 'warehouse', permission: Permissions.InventoryStock, testId: 'menu-stock', groupKey: 'menu.inventory' },
  { labelKey: 'menu.movements', route: '/inventory/movements', icon: 'swap_vert', permission: Permissions.InventoryStock, testId: 'menu-movements', groupKey: 'menu.inventory' },
  { labelKey: 'menu.stocktakes', route: '/inventory/stocktakes', icon: 'fact_check', permission: Permissions.InventoryStocktakes, testId: 'menu-stocktakes', groupKey: 'menu.inventory' },
  { labelKey: 'menu.stockItems', route: '/inventory/products', icon: 'tune', permission: Permissions.InventoryProducts, testId: 'menu-stock-items', groupKey: 'menu.inventory' },
  { labelKey: 'menu.warehouses', route: '/inventory/warehouses', icon: 'store', permission: Permissions.InventoryWarehouses, testId: 'menu-warehouses', groupKey: 'menu.inventory' },
  { labelKey: 'menu.invoices', route: '/finance/invoices', icon: 'receipt_long', permission: Permissions.FinanceInvoices, testId: 'menu-invoices', groupKey: 'menu.finance' },
  { labelKey: 'menu.receivables', route: '/finance/receivables', icon: 'account_balance_wallet', permission: Permissions.FinanceInvoices, testId: 'menu-receivables', groupKey: 'menu.finance' },
  { labelKey: 'menu.payments', route: '/finance/payments', icon: 'payments', permission: Permissions.FinancePayments, testId: 'menu-payments', groupKey: 'menu.finance' },
  { labelKey: 'menu.payables', route: '/finance/payables', icon: 'request_quote', permission: Permissions.FinancePayables, testId: 'menu-payables', groupKey: 'menu.finance' },
  { labelKey: 'menu.paymentRuns', route: '/finance/payment-runs', icon: 'playlist_add_check', permission: Permissions.FinancePayables, testId: 'menu-payment-runs', groupKey: 'menu.finance' },
  { labelKey: 'menu.supplierStatement', route: '/finance/supplier-statement', icon: 'fact_check', permission: Permissions.FinancePayables, testId: 'menu-supplier-statement', groupKey: 'menu.finance' },
  { labelKey: 'menu.vouchers', route: '/finance/vouchers', icon: 'menu_book', permission: Permissions.FinanceVouchers, testId: 'menu-vouchers', groupKey: 'menu.finance' },
  { labelKey: 'menu.trialBalance', route: '/finance/reports/trial-balance', icon: 'balance', permission: Permissions.FinanceReports, testId: 'menu-trial-balance', groupKey: 'menu.finance' },
  { labelKey: 'menu.arAging', route: '/finance/reports/ar-aging', icon: 'hourglass_bottom', permission: Permissions.FinanceReports, testId: 'menu-ar-aging', groupKey: 'menu.finance' },
  { labelKey: 'menu.apAging', route: '/finance/reports/ap-aging', icon: 'hourglass_top', permission: Permissions.FinanceReports, testId: 'menu-ap-aging', groupKey: 'menu.finance' },
  { labelKey: 'menu.purchaseRequests', route: '/purchasing/requests', icon: 'shopping_cart', permission: Permissions.PurchasingRequests, testId: 'menu-purchase-requests', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.purchaseOrders', route: '/purchasing/orders', icon: 'assignment', permission: Permissions.PurchasingOrders, testId: 'menu-purchase-orders', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.suppliers', route: '/purchasing/suppliers', icon: 'storefront', permission: Permissions.PurchasingSuppliers, testId: 'menu-suppliers', groupKey: 'menu.purchasing' },
  { labelKey: 'menu.employees', route: '/hr/employees', icon: 'badge', permission: Permissions.HrEmployees, testId: 'menu-employees', groupKey: 'menu.hr' },
  { labelKey: 'menu.departments', route: '/hr/departments', icon: 'account_tree', permission: Permissions.HrDepartments, testId: 'menu-departments', groupKey: 'menu.hr' },
  { labelKey: 'menu.orgChart', route: '/hr/org-chart', icon: 'lan', permission: Permissions.HrDepartments, testId: 'menu-org-chart', groupKey: 'menu.hr' },
  { labelKey: 'menu.recruitment', route: '/hr/recruitment', icon: 'work', permission: Permissions.HrRecruitment, testId: 'menu-recruitment', groupKey: 'menu.hr' },
  { labelKey: 'menu.leave', route: '/hr/leave', icon: 'beach_access', permission: Permissions.HrLeave, testId: 'menu-leave', groupKey: 'menu.hr' },
  { labelKey: 'menu.expenses', route: '/hr/expenses', icon: 'receipt', permission: Permissions.HrExpenses, testId: 'menu-expenses', groupKey: 'menu.hr' },
  { labelKey: 'menu.leaveTypes', route: '/hr/leave-types', icon: 'event_available', permission: Permissions.HrLeaveManage, testId: 'menu-leave-types', groupKey: 'menu.hr' },
  { labelKey: 'menu.approvals', route: '/oa/approvals', icon: 'approval', permission: Permissions.OaApprovals, testId: 'menu-approvals', groupKey: 'menu.oa' },
  { labelKey: 'menu.newRequest', route: '/oa/requests', icon: 'post_add', permission: Permissions.OaForms, testId: 'menu-new-request', groupKey: 'menu.oa' },
  { labelKey: 'menu.delegations', route: '/oa/delegations', icon: 'switch_account', permission: Permissions.OaApprovals, testId: 'menu-delegations', groupKey: 'menu.oa' },
  { labelKey: 'menu.tasks', route: '/oa/tasks', icon: 'task_alt', permission: Permissions.OaTasks, testId: 'menu-tasks', groupKey: 'menu.oa' },
  { labelKey: 'menu.announcements', route: '/oa/announcements', icon: 'campaign', permission: Permissions.OaAnnouncements, testId: 'menu-announcements', groupKey: 'menu.oa' },
  { labelKey: 'menu.approvalFlows', route: '/oa/approval-flows', icon: 'account_tree', permission: Permissions.OaApprovalFlows, testId: 'menu-approval-flows', groupKey: 'menu.oa' },
  { labelKey: 'menu.insightsL2c', route: '/insights/lead-to-cash', icon: 'insights', permission: Permissions.InsightsView, testId: 'menu-insights', groupKey: 'menu.insights' },
  { labelKey: 'menu.approvalForms', route: '/oa/forms', icon: 'dynamic_form', permission: Permissions.OaFormsManage, testId: 'menu-approval-forms', groupKey: 'menu.oa' },
  { labelKey: 'menu.insightsOa', route: '/insights/oa', icon: 'timer', permission: Permissions.InsightsView, testId: 'menu-insights-oa', groupKey: 'menu.insights' },
  { labelKey: 'menu.insightsTargets', route: '/insights/targets', icon: 'flag', permission: Permissions.InsightsManage, testId: 'menu-insights-targets', groupKey: 'menu.insights' },
  { labelKey: 'menu.users', route: '/identity/users', icon: 'person', permission: Permissions.IdentityUsers, testId: 'menu-users' },
  { labelKey: 'menu.roles', route: '/identity/roles', icon: 'admin_panel_settings', permission: Permissions.IdentityRoles, testId: 'menu-roles' },
  { labelKey: 'menu.apiKeys', route: '/identity/api-keys', icon: 'vpn_key', permission: Permissions.IdentityApiKeys, testId: 'menu-api-keys', module: 'ApiKeys' },
  { labelKey: 'menu.securityLog', route: '/identity/security-log', icon: 'policy', permission: Permissions.IdentitySecurityLog, testId: 'menu-security-log' },
  { labelKey: 'menu.subscription', route: '/saas/subscription', icon: 'workspace_premium', permission: Permissions.SaasSubscription, testId: 'menu-subscription' },
  { labelKey: 'menu.automation', route: '/automation/rules', icon: 'bolt', permission: Permissions.AutomationManage, testId: 'menu-automation' },
  { labelKey: 'menu.webhooks', route: '/webhooks', icon: 'webhook', permission: Permissions.WebhooksManage, testId: 'menu-webhooks' },
  { labelKey: 'menu.tenants', route: '/saas/tenants', icon: 'apartment', permission: Permissions.SaasTenants, testId: 'menu-tenants' },
  { labelKey: 'menu.audit', route: '/audit', icon: 'history', permission: Permissions.KernelAuditLogs, testId: 'menu-audit' },
  { labelKey: 'menu.settings', route: '/settings', icon: 'settings', permission: Permissions.KernelSettings, testId: 'menu-settings' },
  { labelKey: 'menu.customFields', route: '/settings/custom-fields', icon: 'dashboard_customize', permission: Permissions.KernelCustomFields, testId: 'menu-custom-fields' },
  { labelKey: 'menu.groupRobots', route: '/plugins/robot-notifier', icon: 'smart_toy', permission: Permissions.RobotNotifierManage, testId: 'menu-group-robots',
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
