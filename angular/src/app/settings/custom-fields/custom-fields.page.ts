import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/language';
import { problemMessage } from '../../core/problem';
import { CustomField, customLabel } from '../../shared/custom-fields';
import { CustomFieldAdminApi, CustomFieldEntity } from './custom-fields.api';
import { CustomFieldDialog } from './custom-field-dialog';

/** Settings → Custom fields (自定义字段): per kind of record, the fields the tenant added; removed ones can be restored. */
@Component({
  selector: 'bs-custom-fields',
  imports: [MatTableModule, MatButtonModule, MatButtonToggleModule, MatIconModule, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'customFields.title' | translate }}</h2>
      <span class="spacer"></span>
      <button mat-flat-button (click)="edit()" [disabled]="!entityType()" data-testid="custom-field-add"><mat-icon>add</mat-icon>{{ 'customFields.add' | translate }}</button>
    </div>
    <p class="intro">{{ 'customFields.intro' | translate }}</p>
    <mat-button-toggle-group [value]="entityType()" (change)="select($event.value)" hideSingleSelectionIndicator>
      @for (e of entities(); track e.entityType) {
        <mat-button-toggle [value]="e.entityType" [attr.data-testid]="'custom-entity-' + e.entityType">{{ e.displayName }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <div class="table">
      <table mat-table [dataSource]="fields()" data-testid="custom-fields-table">
        <ng-container matColumnDef="label">
          <th mat-header-cell *matHeaderCellDef>{{ 'customFields.label' | translate }}</th>
          <td mat-cell *matCellDef="let f" [class.removed]="f.removed">{{ label(f) }} <small>{{ f.key }}</small></td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef>{{ 'customFields.type' | translate }}</th>
          <td mat-cell *matCellDef="let f">{{ 'customFields.types.' + f.type | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="flags">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let f" class="flags">
            @if (f.required) { <span>{{ 'customFields.required' | translate }}</span> }
            @if (f.showInList) { <span>{{ 'customFields.showInList' | translate }}</span> }
            @if (f.removed) { <span class="gone">{{ 'customFields.removed' | translate }}</span> }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let f" class="actions">
            @if (f.removed) {
              <button mat-button (click)="restore(f)" [attr.data-testid]="'custom-field-restore-' + f.key">{{ 'customFields.restore' | translate }}</button>
            } @else {
              <button mat-icon-button (click)="edit(f)" [attr.aria-label]="'common.edit' | translate" [attr.data-testid]="'custom-field-edit-' + f.key"><mat-icon>edit</mat-icon></button>
              <button mat-icon-button (click)="remove(f)" [attr.aria-label]="'customFields.remove' | translate" [attr.data-testid]="'custom-field-remove-' + f.key"><mat-icon>delete</mat-icon></button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
      @if (fields().length === 0) { <p class="empty">{{ 'common.empty' | translate }}</p> }
    </div>
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; } .spacer { flex: 1; } .intro { color: #555; margin-top: 0; }
    /* One toggle per kind of record: more than a phone's width, so they wrap. */
    mat-button-toggle-group { flex-wrap: wrap; max-width: 100%; }
    .table { overflow-x: auto; margin-top: 12px; } table { width: 100%; } .actions { text-align: right; white-space: nowrap; }
    small { color: #777; margin-left: 4px; } .flags span { font-size: 12px; margin-right: 8px; color: #555; } .gone { color: #b3261e !important; }
    .removed { text-decoration: line-through; color: #777; } .error { color: #b3261e; } .empty { color: #777; }
  `,
})
export class CustomFieldsPage implements OnInit {
  private readonly api = inject(CustomFieldAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly language = inject(LanguageService).current;
  protected readonly entities = signal<CustomFieldEntity[]>([]);
  protected readonly entityType = signal('');
  protected readonly fields = signal<CustomField[]>([]);
  protected readonly error = signal('');
  protected readonly columns = ['label', 'type', 'flags', 'actions'];

  ngOnInit(): void {
    this.api.entities().subscribe({
      next: entities => { this.entities.set(entities); if (entities.length > 0) this.select(entities[0].entityType); },
      error: error => this.error.set(problemMessage(error)),
    });
  }

  protected label(f: CustomField): string { return customLabel(f, this.language()); }

  select(entityType: string): void {
    this.entityType.set(entityType);
    this.load();
  }

  edit(field?: CustomField): void {
    this.dialog.open(CustomFieldDialog, { data: { entityType: this.entityType(), field: field ?? null }, width: '640px', maxWidth: '95vw' })
      .afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  remove(field: CustomField): void { this.api.remove(this.entityType(), field.id).subscribe({ next: () => this.load(), error: e => this.error.set(problemMessage(e)) }); }

  restore(field: CustomField): void { this.api.restore(this.entityType(), field.id).subscribe({ next: () => this.load(), error: e => this.error.set(problemMessage(e)) }); }

  private load(): void {
    this.error.set('');
    this.api.list(this.entityType()).subscribe({ next: fields => this.fields.set(fields), error: error => this.error.set(problemMessage(error)) });
  }
}
