import type { Locator, Page } from '@playwright/test';

/** The statistics page (`/statistics`, `/lsp/{slug}/statistics`): filters, summary, and a section per grouping. */
export class StatisticsPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly previousCycle: Locator;
  readonly filters: Locator;
  readonly applyButton: Locator;
  readonly targetGap: Locator;
  readonly againstLastCycle: Locator;
  readonly furthestBehind: Locator;
  /** The headline's sentence on where the programme will be by the deadline at this pace. */
  readonly forecastHeadline: Locator;
  /** The polite live region that says the figures after each change of filters. */
  readonly announcement: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.summary = page.getByTestId('summary-share');
    this.previousCycle = page.getByTestId('previous-cycle');
    this.filters = page.getByTestId('statistics-filters');
    this.applyButton = this.filters.getByRole('button', { name: 'Apply filters' });
    this.targetGap = page.getByTestId('target-gap');
    this.againstLastCycle = page.getByTestId('against-last-cycle');
    this.furthestBehind = page.getByTestId('furthest-behind');
    this.forecastHeadline = page.getByTestId('forecast-headline');
    this.announcement = page.getByTestId('statistics-announcement');
  }

  /** A column header of a section's table (its sort button's name). */
  columnHeader(id: string, name: string): Locator {
    return this.section(id)
      .getByRole('columnheader')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  async sortBy(id: string, name: string): Promise<void> {
    await this.section(id).getByRole('button', { name, exact: true }).click();
  }

  /** The link a group's name is, in a section's table. */
  groupLink(id: string, label: string): Locator {
    return this.section(id).getByTestId('figures-table').getByRole('link', { name: label, exact: true });
  }

  /** A grouping's section: `region`, `tenant`, the breakdown, or `trend`. */
  section(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The chart drawn in a section (ECharts draws SVG). */
  chart(id: string): Locator {
    return this.section(id).locator('[echarts] svg').first();
  }

  bodyRows(id: string): Locator {
    return this.section(id).getByTestId('figures-table').locator('tbody tr');
  }

  /**
   * A section's table in one read, body rows and total row together, so that a re-render cannot fall
   * between reading the one and the other.
   */
  async table(id: string): Promise<{ total: string[]; rows: string[][] }> {
    return this.section(id).evaluate((section) => {
      const cells = (row: Element) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim());
      const total = section.querySelector('[data-testid="total-row"]');
      return {
        total: total ? cells(total) : [],
        rows: [...section.querySelectorAll('[data-testid="figures-table"] tbody tr')].map(cells),
      };
    });
  }

  totalRow(id: string): Locator {
    return this.section(id).getByTestId('total-row').first();
  }

  /** The cells of a table row, header cell first. */
  async cells(row: Locator): Promise<string[]> {
    return (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());
  }

  async filter(label: string, option: string): Promise<void> {
    await this.filters.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** Downloads a section's table as CSV and answers the file's rows (cells split on commas; no quoted commas in the figures). */
  async downloadCsv(id: string): Promise<{ fileName: string; rows: string[][] }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.section(id)
        .getByRole('button', { name: /Download this table \(CSV\)/ })
        .click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return { fileName: download.suggestedFilename(), rows: parseCsv(text) };
  }
}

/** RFC 4180 CSV as the page writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') {
        quoted = false;
      } else {
        cell += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += character;
    }
  }
  return rows;
}
