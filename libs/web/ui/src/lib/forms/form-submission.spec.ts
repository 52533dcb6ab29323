import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormField, form, required } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { ErrorSummary } from './error-summary';
import { FormControlDirective } from './form-control.directive';
import { FormFieldGroup } from './form-field';
import { FormSubmission } from './form-submission';
import { FormDirective } from './form.directive';

/** A two-field form as pages write them; its action is replaced by each test. */
@Component({
  imports: [ErrorSummary, FormControlDirective, FormDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission">
      <dspt-form-field label="Name" controlId="name" hint="As on your badge" [field]="personForm.name">
        <input class="nhsuk-input" dsptControl type="text" [formField]="personForm.name" />
      </dspt-form-field>
      <dspt-form-field label="Team" controlId="team" [field]="personForm.team">
        <select class="nhsuk-select" dsptControl [formField]="personForm.team">
          <option value="">Choose</option>
          <option value="north">North</option>
        </select>
      </dspt-form-field>
      <button type="submit">Save</button>
    </form>
  `,
})
class PersonForm {
  action: (value: { name: string; team: string }) => Promise<void> = () => Promise.resolve();
  readonly personForm = form(signal({ name: '', team: '' }), (path) => {
    required(path.name, { message: 'Enter your name' });
    required(path.team, { message: 'Choose a team' });
  });
  readonly submission = new FormSubmission(this.personForm, (value) => this.action(value), {
    problemTarget: this.personForm.name,
  });
}

describe('FormSubmission with dspt-form-field and dspt-error-summary', () => {
  let fixture: ComponentFixture<PersonForm>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.inject(Title).setTitle('Your details – DSPT Support Portal');
    fixture = TestBed.createComponent(PersonForm);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await fixture.whenStable();
  });

  afterEach(() => element.remove());

  const summary = () => element.querySelector<HTMLElement>('.nhsuk-error-summary');
  const summaryLinks = () =>
    [...element.querySelectorAll<HTMLAnchorElement>('.nhsuk-error-summary__list a')].map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
  const fieldError = (id: string) => element.querySelector(`#${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();

  async function submit(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function typeName(value: string): Promise<void> {
    const input = element.querySelector<HTMLInputElement>('#name')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows no errors before the first submit, even for empty required fields', async () => {
    element.querySelector<HTMLInputElement>('#name')!.dispatchEvent(new Event('blur'));
    await fixture.whenStable();

    expect(summary()).toBeNull();
    expect(element.querySelector('.nhsuk-form-group--error')).toBeNull();
    expect(element.querySelector('#name')!.getAttribute('aria-describedby')).toBe('name-hint');
    expect(element.querySelector('#name')!.hasAttribute('aria-invalid')).toBe(false);
  });

  it('on an invalid submit, lists every error at the top, focuses the summary and marks each field', async () => {
    const action = jest.fn(() => Promise.resolve());
    fixture.componentInstance.action = action;

    await submit();

    expect(action).not.toHaveBeenCalled();
    expect(summaryLinks()).toEqual([
      ['Enter your name', '#name'],
      ['Choose a team', '#team'],
    ]);
    expect(summary()!.querySelector('[role="alert"]')).not.toBeNull();
    expect(document.activeElement).toBe(summary());
    expect(fieldError('name')).toBe('Error: Enter your name');
    expect(element.querySelector('#name')!.classList).toContain('nhsuk-input--error');
    expect(element.querySelector('#name')!.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(element.querySelector('#team')!.classList).toContain('nhsuk-select--error');
    // Screen readers say "invalid entry" on each field in error.
    expect(element.querySelector('#name')!.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#team')!.getAttribute('aria-invalid')).toBe('true');
    expect(TestBed.inject(Title).getTitle()).toBe('Error: Your details – DSPT Support Portal');
  });

  it('moves focus to the field when its error is chosen in the summary, and clears the error once fixed', async () => {
    await submit();
    element.querySelector<HTMLAnchorElement>('.nhsuk-error-summary__list a')!.click();
    expect(document.activeElement).toBe(element.querySelector('#name'));

    await typeName('Jo Bloggs');

    expect(fieldError('name')).toBeUndefined();
    expect(element.querySelector('#name')!.hasAttribute('aria-invalid')).toBe(false);
    expect(summaryLinks()).toEqual([['Choose a team', '#team']]);
  });

  it('puts API field errors on their fields, and other problems in the summary', async () => {
    await typeName('Jo Bloggs');
    const select = element.querySelector<HTMLSelectElement>('#team')!;
    select.value = 'north';
    select.dispatchEvent(new Event('input'));
    fixture.componentInstance.action = () =>
      Promise.reject(
        new HttpErrorResponse({
          status: 400,
          error: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Check the form',
            details: [
              { field: 'name', message: 'Name must be 100 characters or fewer' },
              { field: 'badge', message: 'Badge number is not recognised' },
            ],
          },
        }),
      );

    await submit();

    expect(fieldError('name')).toBe('Error: Name must be 100 characters or fewer');
    expect(summaryLinks()).toEqual([
      ['Badge number is not recognised', '#name'],
      ['Name must be 100 characters or fewer', '#name'],
    ]);
  });

  it('names the row and column of each problem in an uploaded file, below what came of it, never on a form field', async () => {
    await typeName('Jo Bloggs');
    const select = element.querySelector<HTMLSelectElement>('#team')!;
    select.value = 'north';
    select.dispatchEvent(new Event('input'));
    fixture.componentInstance.action = () =>
      Promise.reject(
        new HttpErrorResponse({
          status: 400,
          error: {
            statusCode: 400,
            error: 'Bad Request',
            message: '2 problems in the file: nothing was imported',
            details: [
              { row: 3, field: 'name', message: 'name must not be blank' },
              { row: 7, field: 'region', message: 'region must be one of: North East' },
            ],
          },
        }),
      );

    await submit();

    expect(summaryLinks()).toEqual([
      ['2 problems in the file: nothing was imported', '#name'],
      ['Row 3, name: name must not be blank', '#name'],
      ['Row 7, region: region must be one of: North East', '#name'],
    ]);
    expect(fieldError('name')).toBeUndefined();
  });

  it('shows a problem without field details, and lets the user try again with the same answers', async () => {
    await typeName('Jo Bloggs');
    const select = element.querySelector<HTMLSelectElement>('#team')!;
    select.value = 'north';
    select.dispatchEvent(new Event('input'));
    const action = jest
      .fn()
      .mockRejectedValueOnce(
        new HttpErrorResponse({
          status: 429,
          error: { statusCode: 429, error: 'Too Many Requests', message: 'Try again in 5 minutes' },
        }),
      )
      .mockResolvedValueOnce(undefined);
    fixture.componentInstance.action = action;

    await submit();
    expect(summaryLinks()).toEqual([['Try again in 5 minutes', '#name']]);
    expect(document.activeElement).toBe(summary());

    await submit();
    expect(action).toHaveBeenCalledTimes(2);
    expect(action).toHaveBeenLastCalledWith({ name: 'Jo Bloggs', team: 'north' });
    expect(summary()).toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Your details – DSPT Support Portal');
  });
});
