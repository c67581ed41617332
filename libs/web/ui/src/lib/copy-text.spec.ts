import { copyText } from './copy-text';

describe(copyText.name, () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');

  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: Clipboard }).clipboard;
  });

  function field(value: string): HTMLInputElement {
    const input = document.createElement('input');
    input.value = value;
    document.body.append(input);
    return input;
  }

  it('uses the clipboard where there is one', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });

    await expect(copyText('https://x.dk/a', field('https://x.dk/a'), document)).resolves.toBe(true);
    expect(written).toEqual(['https://x.dk/a']);
  });

  it('selects the text for copying by hand when there is no clipboard', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    const input = field('https://x.dk/b');
    const noCopyCommand = { execCommand: () => false } as unknown as Document;

    await expect(copyText('https://x.dk/b', input, noCopyCommand)).resolves.toBe(false);
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'https://x.dk/b'.length]);
  });

  it('says copied when the old copy command worked', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    const copies = { execCommand: (command: string) => command === 'copy' } as unknown as Document;

    await expect(copyText('t', undefined, copies)).resolves.toBe(true);
  });
});
