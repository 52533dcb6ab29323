import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { RECOVERY_CODES_FILE_NAME, RecoveryCodes, recoveryCodesFile } from './recovery-codes';

const CODES = ['k7m2p-xq9rt', 'abcde-fghjk', 'mnpqr-stuvw'];

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('recoveryCodesFile', () => {
  it('says what the codes are for and whose they are, then lists one a line', () => {
    expect(recoveryCodesFile(CODES, 'jo@example.org')).toBe(
      [
        'DSPT Support Portal recovery codes',
        'Account: jo@example.org',
        '',
        'If you cannot use your authenticator app, sign in with one of these codes instead. Each code works once.',
        '',
        'k7m2p-xq9rt',
        'abcde-fghjk',
        'mnpqr-stuvw',
        '',
      ].join('\n'),
    );
    expect(recoveryCodesFile(CODES)).not.toContain('Account:');
  });
});

describe('RecoveryCodes', () => {
  let fixture: ComponentFixture<RecoveryCodes>;
  let element: HTMLElement;
  const originalClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  const { createObjectURL, revokeObjectURL } = URL;

  beforeEach(async () => {
    fixture = TestBed.createComponent(RecoveryCodes);
    fixture.componentRef.setInput('codes', CODES);
    fixture.componentRef.setInput('account', 'jo@example.org');
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    if (originalClipboard) {
      Object.defineProperty(navigator, 'clipboard', originalClipboard);
    } else {
      delete (navigator as { clipboard?: Clipboard }).clipboard;
    }
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    jest.restoreAllMocks();
  });

  const button = (label: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;
  const status = () => element.querySelector('[role="status"]')?.textContent?.trim();

  function useClipboard(writeText: (text: string) => Promise<void>): void {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  }

  async function click(label: string): Promise<void> {
    button(label).click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('lists the codes under a warning that they will not be shown again', () => {
    const codes = [...element.querySelectorAll('[data-testid="recovery-codes"] li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(codes).toEqual(CODES);
    expect(element.querySelector('.nhsuk-card--warning')?.textContent).toContain('You will not see these codes again');
    expect(status()).toBe('');
  });

  it('copies the codes, one a line, and says so', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    useClipboard(writeText);

    await click('Copy codes');

    expect(writeText).toHaveBeenCalledWith('k7m2p-xq9rt\nabcde-fghjk\nmnpqr-stuvw');
    expect(status()).toBe('The codes are copied. Paste them somewhere safe, such as a password manager.');
  });

  it('says when the browser will not copy them', async () => {
    useClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));

    await click('Copy codes');

    expect(status()).toBe(
      'The codes could not be copied. Select them and copy them yourself, or download them instead.',
    );
  });

  it('says so too where there is no clipboard at all (a page not served over https)', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });

    await click('Copy codes');

    expect(status()).toContain('The codes could not be copied');
  });

  it('downloads them as a text file', async () => {
    let file: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      file = blob;
      return 'blob:recovery-codes';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    await click('Download codes');

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe(RECOVERY_CODES_FILE_NAME);
    expect(clicked[0].getAttribute('href')).toBe('blob:recovery-codes');
    expect(clicked[0].isConnected).toBe(false);
    expect(file!.type).toBe('text/plain;charset=utf-8');
    expect(await readBlob(file!)).toBe(recoveryCodesFile(CODES, 'jo@example.org'));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:recovery-codes');
  });
});
