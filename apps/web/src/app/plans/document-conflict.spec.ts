import { TestBed } from '@angular/core/testing';
import type { DocumentConflict, StoryContent } from '@blup/contracts';
import { loadTextSection } from '@blup/web/core';
import { DocumentConflictView } from './document-conflict';

describe(DocumentConflictView.name, () => {
  async function render(conflict: DocumentConflict<StoryContent>, mine: StoryContent) {
    localStorage.clear();
    await TestBed.runInInjectionContext(loadTextSection('plans'));
    const fixture = TestBed.createComponent(DocumentConflictView);
    fixture.componentRef.setInput('kind', 'story');
    fixture.componentRef.setInput('conflict', conflict);
    fixture.componentRef.setInput('mineContent', mine);
    fixture.componentRef.setInput('fallbackName', 'En anden');
    fixture.detectChanges();
    const sut = fixture.componentInstance;
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { sut, element, byTestId };
  }

  it('shows the story they saved beside mine, without running anything in it, and says who', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { byTestId } = await render(
      {
        revision: 4,
        content: {
          html: '<p>Deres <strong>fortælling</strong></p><img src="x" onerror="alert(1)">',
        },
        updatedAt: '2026-12-01T10:05:00Z',
        updatedBy: null,
      },
      { html: '<p>Min fortælling</p>' },
    );
    expect(byTestId('conflict')?.textContent).toContain('En anden gemte en ændring');
    expect(byTestId('conflict-theirs')?.querySelector('strong')?.textContent).toBe('fortælling');
    expect(byTestId('conflict-theirs')?.querySelector('[onerror]')).toBeNull();
    expect(byTestId('conflict-mine')?.textContent).toContain('Min fortælling');
    // Angular's sanitiser removed the handler (and says so).
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped'));
    warn.mockRestore();
  });

  it('tells which choice was made', async () => {
    const { sut, byTestId } = await render(
      {
        revision: 2,
        content: { html: '<p>Deres</p>' },
        updatedAt: '2026-12-01T10:05:00Z',
        updatedBy: { id: 'u2', name: 'Anna Holm', email: 'anna@blup.test' },
      },
      { html: '<p>Min</p>' },
    );
    const choices: string[] = [];
    sut.keepMine.subscribe(() => choices.push('mine'));
    sut.takeTheirs.subscribe(() => choices.push('theirs'));
    byTestId('take-theirs')?.click();
    byTestId('keep-mine')?.click();
    expect(choices).toEqual(['theirs', 'mine']);
    expect(byTestId('conflict-theirs')?.textContent).toContain('Anna Holm');
  });
});
