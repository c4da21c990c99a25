import { Routes } from '@angular/router';
import { signedIn } from './core/guards';

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./account/login').then(m => m.LoginPage) },
  { path: 'sign-up', loadComponent: () => import('./saas/sign-up/sign-up.page').then(m => m.SignUpPage) },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./layout/shell').then(m => m.Shell),
    loadChildren: () => import('./layout/shell.routes').then(m => m.SHELL_ROUTES),
  },
  { path: '**', redirectTo: '' },
];
