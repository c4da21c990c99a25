import { Component } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

@Component({
  selector: 'bs-no-access',
  imports: [TranslatePipe],
  template: `<h2 data-testid="no-access">{{ 'errors.noAccess' | translate }}</h2>`,
})
export class NoAccessPage {}
