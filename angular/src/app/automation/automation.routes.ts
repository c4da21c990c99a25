import { Routes } from '@angular/router';

/** Rules, a rule's form and the run log; the whole section needs Automation.Manage (checked on its parent route). */
export const AUTOMATION_ROUTES: Routes = [
  { path: 'rules', loadComponent: () => import('./rules.page').then(m => m.RulesPage) },
  { path: 'rules/new', loadComponent: () => import('./rule-editor.page').then(m => m.RuleEditorPage) },
  { path: 'rules/:id', loadComponent: () => import('./rule-editor.page').then(m => m.RuleEditorPage) },
  { path: 'runs', loadComponent: () => import('./runs.page').then(m => m.RunsPage) },
  { path: '', pathMatch: 'full', redirectTo: 'rules' },
];
