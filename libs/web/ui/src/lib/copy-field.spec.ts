import { TestBed } from '@angular/core/testing';
import { CopyField } from './copy-field';

describe(CopyField.name, () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');

  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: Clipboard }).clipboard;
  });

  it('shows the address with its hooks and says when the button copied it', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    const sut = TestBed.createComponent(CopyField);
    sut.componentRef.setInput('value', 'https://x.dk/feed');
    sut.componentRef.setInput('buttonLabel', 'Kopiér');
    sut.componentRef.setInput('inputId', 'feed-url');
    sut.componentRef.setInput('inputTestId', 'feed-url');
    sut.componentRef.setInput('buttonTestId', 'copy-feed');
    const copied: boolean[] = [];
    sut.componentInstance.copied.subscribe((value) => copied.push(value));
    await sut.whenStable();
    const host = sut.nativeElement as HTMLElement;
    const input = host.querySelector<HTMLInputElement>('[data-testid="feed-url"]');

    expect(input?.value).toBe('https://x.dk/feed');
    expect(input?.id).toBe('feed-url');
    expect(input?.readOnly).toBe(true);

    host.querySelector<HTMLButtonElement>('[data-testid="copy-feed"]')?.click();
    await sut.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(written).toEqual(['https://x.dk/feed']);
    expect(copied).toEqual([true]);
  });
});
