import { Routes } from '@angular/router';
import { permitted, signedIn } from './core/guards';

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./account/login').then(m => m.LoginPage) },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./layout/shell').then(m => m.Shell),
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./home/home').then(m => m.HomePage) },
      { path: 'crm/customers', canActivate: [permitted], data: { permission: 'Crm.Customers' },
        loadComponent: () => import('./crm/customers/customers.page').then(m => m.CustomersPage) },
      { path: 'crm/contracts', canActivate: [permitted], data: { permission: 'Crm.Contracts' },
        loadComponent: () => import('./crm/contracts/contracts.page').then(m => m.ContractsPage) },
      { path: 'orders/sales-orders', canActivate: [permitted], data: { permission: 'Orders.SalesOrders' },
        loadComponent: () => import('./orders/sales-orders/sales-orders.page').then(m => m.SalesOrdersPage) },
      { path: 'orders/sales-orders/:id', canActivate: [permitted], data: { permission: 'Orders.SalesOrders' },
        loadComponent: () => import('./orders/sales-orders/sales-order.page').then(m => m.SalesOrderPage) },
      { path: 'orders/products', canActivate: [permitted], data: { permission: 'Orders.Products' },
        loadComponent: () => import('./orders/products/products.page').then(m => m.ProductsPage) },
      { path: 'identity/users', canActivate: [permitted], data: { permission: 'Identity.Users' },
        loadComponent: () => import('./identity/users/users.page').then(m => m.UsersPage) },
      { path: 'identity/roles', canActivate: [permitted], data: { permission: 'Identity.Roles' },
        loadComponent: () => import('./identity/roles/roles.page').then(m => m.RolesPage) },
      { path: 'saas/tenants', canActivate: [permitted], data: { permission: 'Saas.Tenants' },
        loadComponent: () => import('./saas/tenants/tenants.page').then(m => m.TenantsPage) },
      { path: 'audit', canActivate: [permitted], data: { permission: 'Kernel.AuditLogs' },
        loadComponent: () => import('./audit/audit.page').then(m => m.AuditPage) },
      { path: 'settings', canActivate: [permitted], data: { permission: 'Kernel.Settings' },
        loadComponent: () => import('./settings/settings.page').then(m => m.SettingsPage) },
      { path: 'no-access', loadComponent: () => import('./shared/no-access').then(m => m.NoAccessPage) },
    ],
  },
  { path: '**', redirectTo: '' },
];
