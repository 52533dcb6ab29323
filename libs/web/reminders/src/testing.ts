/**
 * For tests of pages that hold the reminder screens' parts (`@dspt/web/reminders/testing`): not part of
 * the library's public code.
 */
export { fillInDialogMethods } from './lib/testing/dialog-methods';
