import { type Signal, computed, signal, untracked } from '@angular/core';
import {
  type FieldState,
  type FieldTree,
  type ReadonlyFieldTree,
  type ValidationError,
  submit,
} from '@angular/forms/signals';
import { type ApiProblem, apiProblemFrom, describeApiErrorDetail } from '@dspt/web/core';
import type { ErrorSummaryItem, ErrorSummarySource } from './error-summary-source';
import type { Submittable } from './submittable';

export interface FormSubmissionOptions {
  /** The field that the summary links a problem with no field of its own to (a wrong password, a lockout). */
  problemTarget?: ReadonlyFieldTree<unknown>;
  /**
   * On a one-question form, a problem with no field of its own becomes that field's error (a wrong
   * code), shown by the field too and cleared when the user changes it.
   */
  problemField?: FieldTree<unknown>;
  /** Like `problemField`, for answers of one status only: `{ 409: form.slug }` for a taken slug. */
  problemFieldByStatus?: Readonly<Record<number, FieldTree<unknown>>>;
}

/**
 * Runs a signal form's submission the NHS.UK way: nothing is validated until the user submits; then the
 * client-side rules run, and only a valid form is sent. A failed API call is read with `apiProblemFrom`:
 * each `details` entry that names a field of the form becomes that field's error (it clears when the
 * user changes the field), anything else is a problem shown in the error summary (the rows of an uploaded
 * file with their row numbers and columns, below the API's message). While the action runs, `submitting`
 * is true and a second submit does nothing.
 */
export class FormSubmission<T> implements Submittable, ErrorSummarySource {
  private readonly attemptedState = signal(false);
  private readonly problems = signal<readonly string[]>([]);
  private readonly failureCount = signal(0);

  readonly attempted = this.attemptedState.asReadonly();
  readonly failures = this.failureCount.asReadonly();
  readonly submitting: Signal<boolean>;
  readonly summary: Signal<readonly ErrorSummaryItem[]>;

  constructor(
    readonly form: FieldTree<T>,
    private readonly action: (value: T) => Promise<void>,
    private readonly options: FormSubmissionOptions = {},
  ) {
    this.submitting = computed(() => form().submitting());
    this.summary = computed(() => {
      if (!this.attemptedState()) {
        return [];
      }
      const problemTargetId = options.problemTarget ? controlIdOf(options.problemTarget) : undefined;
      return [
        ...this.problems().map((message) => ({ message, targetId: problemTargetId })),
        ...form()
          .errorSummary()
          .map((error) => ({ message: error.message ?? 'Check this answer', targetId: controlIdOf(error.fieldTree) })),
      ];
    });
  }

  /** Validates, then runs the action; true when the action succeeded. */
  async submit(): Promise<boolean> {
    if (untracked(this.submitting)) {
      return false;
    }
    this.attemptedState.set(true);
    this.problems.set([]);
    let failedOnServer = false;
    const accepted = await submit(this.form, async (field) => {
      try {
        await this.action(field().value());
        return undefined;
      } catch (failure: unknown) {
        failedOnServer = true;
        return this.fieldErrorsFrom(apiProblemFrom(failure));
      }
    });
    if (!accepted || failedOnServer) {
      this.failureCount.update((count) => count + 1);
      return false;
    }
    return true;
  }

  /** Starts again with `value` (after a successful "add" form, for example) and hides every error. */
  reset(value: T): void {
    this.attemptedState.set(false);
    this.problems.set([]);
    this.state().reset(value);
  }

  // A FieldTree of an unconstrained T might be a reactive-forms interop field; ours never is.
  private state(): FieldState<T> {
    return this.form() as unknown as FieldState<T>;
  }

  private fieldErrorsFrom(problem: ApiProblem): ValidationError.WithOptionalFieldTree[] {
    const fieldErrors: ValidationError.WithOptionalFieldTree[] = [];
    const problems: string[] = [];
    // A refusal of an uploaded file's rows says above them what came of it: "3 problems in the file: nothing was imported".
    if (problem.details.length === 0 || problem.details.some((detail) => detail.row !== undefined)) {
      problems.push(problem.message);
    }
    for (const detail of problem.details) {
      // A row's field is a column of the uploaded file, never a field of the form.
      const fieldTree = detail.row === undefined ? this.fieldNamed(detail.field) : undefined;
      if (fieldTree) {
        fieldErrors.push({ kind: 'server', message: detail.message, fieldTree });
      } else {
        problems.push(describeApiErrorDetail(detail));
      }
    }
    const problemField = this.options.problemFieldByStatus?.[problem.status] ?? this.options.problemField;
    if (problemField) {
      fieldErrors.push(...problems.map((message) => ({ kind: 'server', message, fieldTree: problemField })));
      problems.length = 0;
    }
    this.problems.set(problems);
    return fieldErrors;
  }

  private fieldNamed(name: string): FieldTree<unknown> | undefined {
    const value: unknown = untracked(this.state().value);
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) {
      return undefined;
    }
    return (this.form as unknown as Record<string, FieldTree<unknown>>)[name];
  }
}

function controlIdOf(fieldTree: ReadonlyFieldTree<unknown>): string | undefined {
  return fieldTree().formFieldBindings()[0]?.element.id || undefined;
}
