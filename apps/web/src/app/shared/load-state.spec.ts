import { TestBed } from '@angular/core/testing';
import { LoadState } from './load-state';

describe(LoadState.name, () => {
  it('shows a named progress bar while loading, then the failure’s message', () => {
    const fixture = TestBed.createComponent(LoadState);
    fixture.componentRef.setInput('loading', true);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBeTruthy();
    expect(element.textContent?.trim()).toBe('');

    fixture.componentRef.setInput('loading', false);
    fixture.componentRef.setInput('error', new Error('Landsbyen findes ikke.'));
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.textContent).toContain('Landsbyen findes ikke.');
  });
});
