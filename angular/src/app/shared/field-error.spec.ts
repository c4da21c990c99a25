import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, Validators } from '@angular/forms';
import { provideTranslateService } from '@ngx-translate/core';
import { FieldError } from './field-error';

@Component({
  imports: [FieldError],
  template: `<bs-field-error [control]="control" />`,
})
class Host {
  readonly control = new FormControl('', Validators.required);
}

describe('FieldError', () => {
  it('follows the control: a server error set later replaces the client rule', async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTranslateService()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent.trim()).toBe('errors.required');

    fixture.componentInstance.control.setValue('short');
    fixture.componentInstance.control.setErrors({ server: 'The password needs at least 8 characters.' });
    await fixture.whenStable();

    expect(fixture.nativeElement.textContent.trim()).toBe('The password needs at least 8 characters.');
  });
});
