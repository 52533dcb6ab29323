import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TenantSummary } from '@dspt/contracts';
import { ENGLISH_REGIONS } from '@dspt/domain';
import { TenantsPage } from './tenants-page';

const NORTH: TenantSummary = { id: 't-1', slug: 'north-care', name: 'North Care', region: 'North East' };

describe('TenantsPage', () => {
  let fixture: ComponentFixture<TenantsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TenantsPage);
    page = fixture.nativeElement;
    TestBed.tick();
    http.expectOne({ method: 'GET', url: '/api/tenants' }).flush({ items: [NORTH] });
    await settle();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const control = <T extends HTMLElement>(id: string) => page.querySelector<T>(`#${id}`)!;

  function type(id: string, value: string): void {
    const input = control<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    TestBed.tick();
  }

  function choose(id: string, value: string): void {
    const select = control<HTMLSelectElement>(id);
    select.value = value;
    select.dispatchEvent(new Event('input'));
    select.dispatchEvent(new Event('change'));
    TestBed.tick();
  }

  async function submit(): Promise<void> {
    page.querySelector<HTMLButtonElement>('[data-testid="create-tenant-form"] button[type="submit"]')!.click();
    await settle();
  }

  it('lists the LSPs', () => {
    const cells = [...page.querySelectorAll('[data-testid="tenants-table"] tbody td')].map((cell) =>
      cell.textContent?.trim(),
    );
    expect(cells).toEqual(['North Care', 'north-care', 'North East']);
  });

  it('offers the nine English regions', () => {
    const options = [...control<HTMLSelectElement>('tenant-region').options].map((option) => option.value);
    expect(options).toEqual(['', ...ENGLISH_REGIONS]);
  });

  it('suggests a slug from the name until the admin types one of their own', () => {
    type('tenant-name', 'Tyne & Wear Care Alliance');
    expect(control<HTMLInputElement>('tenant-slug').value).toBe('tyne-and-wear-care-alliance');

    type('tenant-slug', 'tyne-wear');
    type('tenant-name', 'Tyne and Wear Care Alliance CIC');
    expect(control<HTMLInputElement>('tenant-slug').value).toBe('tyne-wear');
  });

  it('creates the LSP with its first admin, confirms it and lists it', async () => {
    type('tenant-name', 'Tyne and Wear Care Alliance');
    choose('tenant-region', 'North East');
    type('tenant-admin-email', 'lee@example.org');

    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/tenants' });
    expect(request.request.body).toEqual({
      name: 'Tyne and Wear Care Alliance',
      slug: 'tyne-and-wear-care-alliance',
      region: 'North East',
      adminEmail: 'lee@example.org',
    });
    request.flush({
      id: 't-2',
      slug: 'tyne-and-wear-care-alliance',
      name: 'Tyne and Wear Care Alliance',
      region: 'North East',
    });
    await settle();
    http.expectOne('/api/tenants').flush({ items: [NORTH] });
    await settle();

    expect(text('[data-testid="confirmation"]')).toBe('Tyne and Wear Care Alliance was added.');
    expect(text('dspt-notification-banner')).toContain('lee@example.org');
    expect(control<HTMLInputElement>('tenant-name').value).toBe('');
  });

  it('leaves out the admin email when none is given', async () => {
    type('tenant-name', 'South Care');
    choose('tenant-region', 'South West');

    await submit();
    expect(http.expectOne('/api/tenants').request.body).toEqual({
      name: 'South Care',
      slug: 'south-care',
      region: 'South West',
    });
  });

  it('shows a taken slug on the slug field', async () => {
    type('tenant-name', 'North Care');
    choose('tenant-region', 'North East');

    await submit();
    http
      .expectOne({ method: 'POST', url: '/api/tenants' })
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'An LSP already uses the slug north-care' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(text('#tenant-slug-error')).toBe('Error: An LSP already uses the slug north-care');
  });

  it('checks the required fields and the slug format first', async () => {
    type('tenant-slug', 'Not A Slug');

    await submit();

    expect([...page.querySelectorAll('.nhsuk-error-summary__list li')].map((item) => item.textContent?.trim())).toEqual(
      [
        "Enter the LSP's name",
        'The slug must only include lowercase letters, numbers and hyphens between words',
        'Select a region',
      ],
    );
    http.expectNone({ method: 'POST' });
  });
});
