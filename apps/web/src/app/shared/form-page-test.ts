import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ErrorCode } from '@blup/contracts';
import { apiErrorInterceptor, loadTextSection, type TextSectionName } from '@blup/web/core';

/** A page under test: its fixture, the HTTP backend to answer, and ways to read and wait. */
export interface PageUnderTest<T> {
  fixture: ComponentFixture<T>;
  http: HttpTestingController;
  element: HTMLElement;
  byTestId: (id: string) => HTMLElement | null;
  /** Runs change detection until the page is stable (answered requests shown). */
  settle: () => Promise<void>;
  /** Clicks the form's submit button. */
  submit: () => void;
}

/**
 * Opens `page` with the real HTTP client (and its error interceptor) against a testing backend,
 * its lazy texts loaded and `inputs` set (for a route's `:id`, `:villageId`), for specs that
 * answer the page's requests by hand. Call it first in a spec, inside `it`.
 */
export async function openPage<T>(
  page: Type<T>,
  section: TextSectionName,
  inputs: Record<string, unknown> = {},
): Promise<PageUnderTest<T>> {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
    ],
  });
  await TestBed.runInInjectionContext(loadTextSection(section));
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(page);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  const element = fixture.nativeElement as HTMLElement;
  return {
    fixture,
    http,
    element,
    byTestId: (id) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    settle: async () => {
      fixture.detectChanges();
      await TestBed.inject(ApplicationRef).whenStable();
      fixture.detectChanges();
    },
    submit: () => element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click(),
  };
}

/** The 409 body the API sends when `name` saved the record (now at `version`) in between. */
export function changedBody(code: ErrorCode, message: string, name: string, version: number) {
  return {
    statusCode: 409,
    error: 'Conflict',
    code,
    message,
    params: { name, at: '2026-12-01T10:00:00Z', version },
    requestId: 'r1',
  };
}

export const CONFLICT = { status: 409, statusText: 'Conflict' };
