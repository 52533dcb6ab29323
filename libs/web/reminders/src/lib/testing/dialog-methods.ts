/**
 * jsdom has no `<dialog>` methods. These behave as a browser's do for what tests look at (the `open`
 * attribute, the `close` event); focus trapping and the backdrop are the browser's own. Call before
 * opening a page with the guidance email dialog.
 */
export function fillInDialogMethods(): void {
  const prototype = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  prototype.close ??= function close(this: HTMLDialogElement) {
    if (this.open) {
      this.open = false;
      this.dispatchEvent(new Event('close'));
    }
  };
}
