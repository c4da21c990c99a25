import { HttpErrorResponse } from '@angular/common/http';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyProblem, problemMessage } from './problem';

const problem = (status: number, body: object) => new HttpErrorResponse({ status, error: body });

describe('problem details', () => {
  it('puts field errors on the matching controls and keeps the rest as the message', () => {
    const form = new FormGroup({ userName: new FormControl(''), email: new FormControl('') });
    const message = applyProblem(form, problem(400, {
      title: 'Some fields are not valid.',
      errors: { userName: ['User name "x" is already taken.'], roleNames: ['Role(s) not found: ghost.'] },
    }));
    expect(form.controls.userName.errors).toEqual({ server: 'User name "x" is already taken.' });
    expect(form.controls.email.errors).toBeNull();
    expect(message).toBe('Role(s) not found: ghost.');
  });

  it('keeps errors about a list of fields in the form-level message', () => {
    const form = new FormGroup({ installments: new FormArray([new FormControl(30)]) });
    expect(applyProblem(form, problem(400, { title: 'invalid', errors: { installments: ['The plan adds up to 90.'] } }))).toBe('The plan adds up to 90.');
  });

  it('shows nothing more when every field error found its control', () => {
    const form = new FormGroup({ password: new FormControl('') });
    expect(applyProblem(form, problem(400, { title: 'invalid', errors: { password: ['too short'] } }))).toBe('');
  });

  it('prefers the detail, then the title, and names network failures', () => {
    expect(problemMessage(problem(422, { title: 'Rule', detail: 'The contract is signed.' }))).toBe('The contract is signed.');
    expect(problemMessage(problem(403, { title: '您没有执行此操作的权限。' }))).toBe('您没有执行此操作的权限。');
    expect(problemMessage(new HttpErrorResponse({ status: 0 }))).toBe('errors.network');
    expect(problemMessage(new Error('boom'))).toBe('errors.unexpected');
  });
});
