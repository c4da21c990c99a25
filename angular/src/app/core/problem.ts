import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { Problem } from './api';

/** A readable message for any failed call: the server's localized text, else a generic key to translate. */
export function problemMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const problem = error.error as Problem | null;
    if (problem && typeof problem === 'object' && (problem.detail || problem.title)) return problem.detail ?? problem.title!;
    return error.status === 0 ? 'errors.network' : 'errors.unexpected';
  }
  return 'errors.unexpected';
}

/**
 * Puts the server's field errors onto the form's fields (as the `server` error) and returns the
 * message for the rest: fields the form does not have, and lists of fields.
 */
export function applyProblem(form: FormGroup, error: unknown): string {
  const problem = error instanceof HttpErrorResponse ? (error.error as Problem | null) : null;
  const unmatched: string[] = [];
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    // Field names may contain dots (setting names), so look them up as keys before paths; `lines[0].amount` is `lines.0.amount`.
    const control = form.controls[field] ?? form.get(field.replace(/\[(\d+)\]/g, '.$1'));
    // Only a single field shows its own error; a list (lines, installments) gets the form-level message.
    if (control instanceof FormControl) {
      control.setErrors({ server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  if (problem?.errors && unmatched.length === 0) return '';
  return unmatched.length > 0 ? unmatched.join(' ') : problemMessage(error);
}
