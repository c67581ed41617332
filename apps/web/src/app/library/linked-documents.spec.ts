import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LibraryDocumentKind, Phase, type LibraryDocumentDto, type Page } from '@blup/contracts';
import { LinkedDocuments } from './linked-documents';

const guide: LibraryDocumentDto = {
  id: 'd1',
  phase: Phase.Facilitation,
  kind: LibraryDocumentKind.Manual,
  title: 'Guide til fremtidsværkstedet',
  description: '',
  fileName: 'Guide til fremtidsværkstedet.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 4200,
  currentVersion: 2,
  currentVersionId: 'v2',
  updatedAt: '2026-05-01T10:00:00Z',
};

const page = (items: LibraryDocumentDto[]): Page<LibraryDocumentDto> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

describe(LinkedDocuments.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(items: LibraryDocumentDto[]): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(LinkedDocuments);
    fixture.componentRef.setInput('target', 'session');
    fixture.componentRef.setInput('targetId', 's1');
    TestBed.tick();
    http.expectOne('/api/library/linked/session/s1?pageSize=20').flush(page(items));
    await fixture.whenStable();
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  it('links each document’s newest version for download', async () => {
    const element = await render([guide]);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="linked-document"]');
    expect(link?.getAttribute('href')).toBe('/api/library/documents/d1/versions/v2/file');
    expect(link?.hasAttribute('download')).toBe(true);
    expect(link?.textContent).toContain('Guide til fremtidsværkstedet');
    expect(link?.textContent).toContain('4 kB');
  });

  it('shows nothing when nothing is linked', async () => {
    const element = await render([]);
    expect(element.querySelector('[data-testid="linked-documents"]')).toBeNull();
  });
});
