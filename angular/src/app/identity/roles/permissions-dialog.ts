import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { PermissionGroup, Role, RolesApi } from './roles.api';

/** Grants of one role, grouped by module; a child permission is only grantable with its parent. */
@Component({
  selector: 'bs-permissions-dialog',
  imports: [MatDialogModule, MatCheckboxModule, MatButtonModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'roles.permissionsOf' | translate: { name: role.name } }}</h2>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    <mat-dialog-content>
      @for (group of groups(); track group.name) {
        <h3>{{ group.displayName }}</h3>
        @for (p of group.permissions; track p.name) {
          <div [class.child]="p.parentName">
            <mat-checkbox [checked]="granted().has(p.name)" [disabled]="!!p.parentName && !granted().has(p.parentName)"
                          (change)="toggle(p.name, $event.checked)" [attr.data-testid]="'perm-' + p.name">{{ p.displayName }}</mat-checkbox>
          </div>
        }
      }
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button (click)="save()" [disabled]="busy()" data-testid="permissions-save">{{ 'common.save' | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `.child { margin-left: 28px; } .error { color: #b3261e; } h3 { margin: 12px 0 4px; }`,
})
export class PermissionsDialog implements OnInit {
  protected readonly role = inject<Role>(MAT_DIALOG_DATA);
  private readonly api = inject(RolesApi);
  private readonly ref = inject(MatDialogRef<PermissionsDialog>);
  protected readonly groups = signal<PermissionGroup[]>([]);
  protected readonly granted = signal(new Set<string>());
  protected readonly busy = signal(true);
  protected readonly error = signal('');

  ngOnInit(): void {
    this.api.permissions(this.role.id).subscribe({
      next: result => {
        this.groups.set(result.groups);
        this.granted.set(new Set(result.groups.flatMap(g => g.permissions).filter(p => p.isGranted).map(p => p.name)));
        this.busy.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }

  toggle(name: string, checked: boolean): void {
    const next = new Set(this.granted());
    if (checked) next.add(name);
    else {
      next.delete(name);
      // revoking a parent revokes its children
      this.groups().flatMap(g => g.permissions).filter(p => p.parentName === name).forEach(p => next.delete(p.name));
    }
    this.granted.set(next);
  }

  save(): void {
    this.busy.set(true);
    this.api.savePermissions(this.role.id, [...this.granted()]).subscribe({
      next: () => this.ref.close(true),
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
