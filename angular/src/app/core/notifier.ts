import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { problemMessage } from './problem';

/** Shows a failed call's message where no form can hold it (deleting a row, toggling a tenant). */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snack = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  error(error: unknown): void {
    this.snack.open(this.translate.instant(problemMessage(error)), undefined, { duration: 6000 });
  }
}
