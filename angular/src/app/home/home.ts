import { Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslatePipe } from '@ngx-translate/core';
import { Session } from '../core/session';

@Component({
  selector: 'bs-home',
  imports: [MatCardModule, TranslatePipe],
  template: `
    <h1 data-testid="home-title">{{ 'home.welcome' | translate: { name: session.me()?.name } }}</h1>
    <mat-card>
      <mat-card-content>
        <p>{{ 'home.tenant' | translate }}: <strong>{{ session.me()?.tenantName ?? ('app.host' | translate) }}</strong></p>
        <p>{{ 'home.roles' | translate }}: {{ session.me()?.roles?.join(', ') }}</p>
      </mat-card-content>
    </mat-card>
  `,
})
export class HomePage {
  protected readonly session = inject(Session);
}
