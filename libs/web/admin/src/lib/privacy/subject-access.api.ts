import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SubjectAccessExport } from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/** The export as the API sent it (the file's text) and read (for the summary on screen). */
export interface SubjectAccessFile {
  text: string;
  data: SubjectAccessExport;
}

/** An LSP admin's subject access call (docs/privacy.md#subject-access). */
@Injectable({ providedIn: 'root' })
export class SubjectAccessApi {
  private readonly http = inject(HttpClient);

  async export(slug: string, email: string): Promise<SubjectAccessFile> {
    // Encoded by hand: Angular's HttpParams leaves "+" as it is, which the server reads as a space.
    const url = `${lspApiPath(slug)}/subject-access?email=${encodeURIComponent(email)}`;
    const text = await firstValueFrom(this.http.get(url, { responseType: 'text' }));
    return { text, data: JSON.parse(text) as SubjectAccessExport };
  }
}
