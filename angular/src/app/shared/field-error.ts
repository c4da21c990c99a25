import { Component, computed, effect, input, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';

/** The first error of a control as readable text: the server's message, else a translated client rule. */
@Component({
  selector: 'bs-field-error',
  imports: [TranslatePipe],
  template: `
    @let e = errors();
    @if (e?.['server']) { {{ e!['server'] }} }
    @else if (e?.['required']) { {{ 'errors.required' | translate }} }
    @else if (e?.['email']) { {{ 'errors.email' | translate }} }
    @else if (e?.['maxlength']) { {{ 'errors.maxLength' | translate: { max: e!['maxlength'].requiredLength } }} }
    @else if (e?.['pattern']) { {{ 'errors.pattern' | translate }} }
    @else if (e?.['min']) { {{ 'errors.min' | translate: { min: e!['min'].min } }} }
  `,
})
export class FieldError {
  readonly control = input.required<AbstractControl>();
  // Control errors are not signals: count the control's events so this (OnPush) view follows them.
  private readonly changes = signal(0);
  protected readonly errors = computed(() => (this.changes(), this.control().errors));

  constructor() {
    effect(onCleanup => {
      const subscription = this.control().events.subscribe(() => this.changes.update(n => n + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
