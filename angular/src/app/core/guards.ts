import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';
import { PermissionName } from './api/permissions';

export const signedIn: CanActivateFn = () =>
  inject(Session).me() !== null || inject(Router).createUrlTree(['/login']);

/** Route data `permission` must be granted, else the no-access page. */
export const permitted: CanActivateFn = route => {
  const permission = route.data['permission'] as PermissionName;
  return inject(Session).isGranted(permission) || inject(Router).createUrlTree(['/no-access']);
};
