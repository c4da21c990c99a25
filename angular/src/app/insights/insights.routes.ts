import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { permitted } from '../core/guards';
import { Permissions } from '../core/api/permissions';

/** The dashboards, loaded on first visit; ECharts itself is loaded when the first chart renders. */
export const INSIGHTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts').then(m => m.echarts) })],
    children: [
      { path: 'targets', canActivate: [permitted], data: { permission: Permissions.InsightsManage },
        loadComponent: () => import('./targets.page').then(m => m.TargetsPage) },
      { path: ':process', loadComponent: () => import('./process.page').then(m => m.ProcessPage) },
      { path: '', pathMatch: 'full', redirectTo: 'lead-to-cash' },
    ],
  },
];
