import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { form, required } from '@angular/forms/signals';
import { ErrorSummary } from './error-summary';
import { FileField } from './file-field';
import { FormSubmission } from './form-submission';
import { FormDirective } from './form.directive';

/** An upload form as pages write them; its action is replaced by each test. */
@Component({
  imports: [ErrorSummary, FileField, FormDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission">
      <dspt-file-field
        label="Upload a file"
        controlId="upload"
        hint="A CSV file"
        accept=".csv"
        [field]="uploadForm.file"
      />
      <button type="submit">Upload</button>
    </form>
  `,
})
class UploadForm {
  action: (file: File | null) => Promise<void> = () => Promise.resolve();
  readonly uploadForm = form(signal<{ file: File | null }>({ file: null }), (path) => {
    required(path.file, { message: 'Select a file' });
  });
  readonly submission = new FormSubmission(this.uploadForm, ({ file }) => this.action(file), {
    problemField: this.uploadForm.file,
  });
}

describe('FileField', () => {
  let fixture: ComponentFixture<UploadForm>;
  let element: HTMLElement;
  const input = () => element.querySelector<HTMLInputElement>('#upload')!;

  beforeEach(async () => {
    fixture = TestBed.createComponent(UploadForm);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await fixture.whenStable();
  });

  afterEach(() => element.remove());

  async function choose(file: File): Promise<void> {
    Object.defineProperty(input(), 'files', { value: [file], configurable: true });
    Object.defineProperty(input(), 'value', {
      value: `C:\\fakepath\\${file.name}`,
      configurable: true,
      writable: true,
    });
    input().dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('is an NHS.UK file upload with its label and hint', () => {
    expect(input().type).toBe('file');
    expect(input().classList).toContain('nhsuk-file-upload__input');
    expect(input().getAttribute('accept')).toBe('.csv');
    expect(element.querySelector('label')!.getAttribute('for')).toBe('upload');
    expect(input().getAttribute('aria-describedby')).toBe('upload-hint');
  });

  it('gives the form the chosen File, and is cleared when the form is reset', async () => {
    const action = jest.fn(() => Promise.resolve());
    fixture.componentInstance.action = action;
    const file = new File(['ods_code\n'], 'providers.csv');

    await choose(file);
    await submit();
    expect(action).toHaveBeenCalledWith(file);

    fixture.componentInstance.submission.reset({ file: null });
    await fixture.whenStable();
    expect(input().value).toBe('');
  });

  it('shows its error, and the API refusal of the file, on the field and in the summary linked to it', async () => {
    await submit();
    expect(element.querySelector('#upload-error')?.textContent?.trim()).toBe('Error: Select a file');
    expect(input().getAttribute('aria-describedby')).toBe('upload-hint upload-error');
    expect(input().classList).not.toContain('nhsuk-input--error');

    fixture.componentInstance.action = () => Promise.reject(new Error('offline'));
    await choose(new File(['x'], 'providers.csv'));
    await submit();
    const links = [...element.querySelectorAll('.nhsuk-error-summary__list a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(links).toEqual(['#upload']);
    expect(element.querySelector('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
  });
});
