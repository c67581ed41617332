import { TestBed } from '@angular/core/testing';
import { SearchField } from './search-field';

describe(SearchField.name, () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function render() {
    const fixture = TestBed.createComponent(SearchField);
    fixture.componentRef.setInput('label', 'Søg efter landsby');
    const emitted: string[] = [];
    fixture.componentInstance.queryChange.subscribe((text) => emitted.push(text));
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    return { fixture, input, type, emitted };
  }

  it('is labelled for screen readers', async () => {
    const { fixture, input } = await render();

    const label = fixture.nativeElement.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toContain('Søg efter landsby');
  });

  it('reports the text once typing pauses', async () => {
    const { type, emitted } = await render();

    type('G');
    type('Gl');
    type('Glum');
    expect(emitted).toEqual([]);

    await pause(400);
    expect(emitted).toEqual(['Glum']);
  });

  it('reports at once on Enter', async () => {
    const { input, type, emitted } = await render();

    type('Tybjerg');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(emitted).toEqual(['Tybjerg']);
    await pause(400);
    expect(emitted).toEqual(['Tybjerg']);
  });
});
