import { DOCUMENT, Injectable, Injector, inject } from '@angular/core';
import { SwUpdate } from '@angular/service-worker';
import { TranslateService } from '@ngx-translate/core';
import { filter } from 'rxjs';

/**
 * The service worker keeps the app shell so a reopened app starts at once; when a deployment brings a new
 * version it is downloaded in the background, and the user is offered a reload instead of running old code
 * against a new API until the tab is closed.
 */
@Injectable({ providedIn: 'root' })
export class AppUpdate {
  private readonly updates = inject(SwUpdate);
  private readonly injector = inject(Injector);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);

  watch(): void {
    if (!this.updates.isEnabled) return;
    this.updates.versionUpdates.pipe(filter(event => event.type === 'VERSION_READY')).subscribe(() => this.offerReload());
  }

  /** The snack bar is loaded only when an update is there: it is not part of the first download. */
  async offerReload(): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    const prompt = this.injector.get(MatSnackBar).open(this.translate.instant('update.ready'), this.translate.instant('update.reload'));
    prompt.onAction().subscribe(() => this.document.location.reload());
  }
}
