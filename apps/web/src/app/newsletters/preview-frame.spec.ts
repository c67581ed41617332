import { TestBed } from '@angular/core/testing';
import { NewsletterFrame } from './preview-frame';

describe(NewsletterFrame.name, () => {
  function render(html: string, width: 'desktop' | 'phone' | 'fluid') {
    const fixture = TestBed.createComponent(NewsletterFrame);
    fixture.componentRef.setInput('html', html);
    fixture.componentRef.setInput('width', width);
    fixture.componentRef.setInput('frameTitle', 'Forhåndsvisning');
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('iframe') as HTMLIFrameElement;
  }

  it('shows the letter in a sandbox where no script runs, links opening in a new tab', () => {
    const sut = render(
      '<html><head><title>x</title></head><body><p>Hej</p></body></html>',
      'desktop',
    );
    const sandbox = sut.getAttribute('sandbox') ?? '';
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).toContain('allow-popups');
    expect(sut.getAttribute('srcdoc')).toBe(
      '<html><head><base target="_blank"><title>x</title></head><body><p>Hej</p></body></html>',
    );
    expect(sut.title).toBe('Forhåndsvisning');
  });

  it('is 600 px wide for a desktop mail client and 360 px for a phone', () => {
    expect(render('<p>Hej</p>', 'desktop').style.inlineSize).toBe('600px');
    const phone = render('<p>Hej</p>', 'phone');
    expect(phone.style.inlineSize).toBe('360px');
    expect(phone.getAttribute('data-width')).toBe('phone');
    expect(phone.getAttribute('srcdoc')).toBe('<base target="_blank"><p>Hej</p>');
  });
});
