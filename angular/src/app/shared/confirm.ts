import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';

@Component({
  selector: 'bs-confirm',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'common.confirm' | translate }}</h2>
    <mat-dialog-content>{{ data.messageKey | translate: data.params }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="false">{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button [mat-dialog-close]="true" data-testid="confirm-yes">{{ 'common.ok' | translate }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<{ messageKey: string; params?: object }>(MAT_DIALOG_DATA);
}

export function confirm(dialog: MatDialog, messageKey: string, params?: object): Observable<boolean | undefined> {
  return dialog.open(ConfirmDialog, { data: { messageKey, params } }).afterClosed();
}
