import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  CaseloadPage,
  EmailSettings,
  EmailSettingsInput,
  EmailTemplateInput,
  EmailTemplateList,
  EmailTemplatePreviewInput,
  EmailTemplateView,
  RenderedEmailView,
} from '@dspt/contracts';
import type { EmailTemplateKey } from '@dspt/domain';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/** Providers offered to preview a template with. */
export const PREVIEW_PROVIDER_CHOICES = 100;

const GLOBAL_TEMPLATES = '/api/admin/email-templates';

/**
 * Email templates: an LSP's own wording (LSP admins), the portal's defaults (system admins), previews
 * with a real provider's data, and the LSP's reply-to address. A template with an unknown placeholder
 * is a 400 naming the field. `...Resource` methods need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class EmailTemplatesApi {
  private readonly http = inject(HttpClient);

  /** The LSP's templates: its own wording where it has some, else the default. */
  templatesResource(slug: Signal<string>) {
    return httpResource<EmailTemplateList>(() => `${lspApiPath(slug())}/email-templates`);
  }

  save(slug: string, input: EmailTemplateInput): Promise<EmailTemplateView> {
    return firstValueFrom(this.http.put<EmailTemplateView>(`${lspApiPath(slug)}/email-templates`, input));
  }

  /** Back to the default wording. */
  reset(slug: string, key: EmailTemplateKey): Promise<EmailTemplateView> {
    return firstValueFrom(
      this.http.delete<EmailTemplateView>(`${lspApiPath(slug)}/email-templates`, { params: { key } }),
    );
  }

  /** The saved wording, or the draft given, filled in with the provider's data; nothing is sent. */
  preview(slug: string, input: EmailTemplatePreviewInput): Promise<RenderedEmailView> {
    return firstValueFrom(this.http.post<RenderedEmailView>(`${lspApiPath(slug)}/email-templates/preview`, input));
  }

  /** Providers to preview with, A to Z, found by name or ODS code. */
  previewProvidersResource(slug: Signal<string>, search: Signal<string>) {
    return httpResource<CaseloadPage>(() => ({
      url: `${lspApiPath(slug())}/providers`,
      params: { sort: 'name', pageSize: PREVIEW_PROVIDER_CHOICES, ...(search() ? { search: search() } : {}) },
    }));
  }

  globalTemplatesResource() {
    return httpResource<EmailTemplateList>(() => GLOBAL_TEMPLATES);
  }

  /** Changes a default; LSPs with their own wording keep it. */
  saveGlobal(input: EmailTemplateInput): Promise<EmailTemplateView> {
    return firstValueFrom(this.http.put<EmailTemplateView>(GLOBAL_TEMPLATES, input));
  }

  settingsResource(slug: Signal<string>) {
    return httpResource<EmailSettings>(() => `${lspApiPath(slug())}/email-settings`);
  }

  saveSettings(slug: string, input: EmailSettingsInput): Promise<EmailSettings> {
    return firstValueFrom(this.http.put<EmailSettings>(`${lspApiPath(slug)}/email-settings`, input));
  }
}
