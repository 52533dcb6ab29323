import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts } from '../support/demo-accounts';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';
import { StatisticsPage } from '../support/statistics-page';

const REGIONS = 9;

test.describe('statistics', () => {
  test('a programme lead reads completion by region and LSP, filters it in the address and downloads a table whose totals match the page', async ({
    page,
  }) => {
    const statistics = new StatisticsPage(page);
    await signInWithMfa(page, demoAccounts.programmeLead);
    await new Shell(page).navigationLink('Statistics').click();

    await expect(page).toHaveURL(/\/statistics$/);
    await expect(statistics.heading).toHaveText('Statistics');
    await expect(page).toHaveTitle('Statistics – DSPT Support Portal');
    // Other tests may add providers (the import test does): the page's own count is the reference.
    await expect(statistics.summary).toContainText(/\d+ providers/);
    const providers = /(\d+) providers/.exec(await statistics.summary.innerText())?.[1] ?? '';
    await expect(statistics.summary).toContainText('(target 70.0%)');
    // The seed back-fills snapshots lined up with today: last cycle at the same point is there.
    await expect(statistics.previousCycle).toContainText(/Compared with \d{4}-\d{2} on \d{4}-\d{2}-\d{2}/);

    // The regional chart and its table: every English region, and the totals.
    await expect(statistics.chart('region')).toBeVisible();
    await expect(statistics.bodyRows('region')).toHaveCount(REGIONS);
    const totals = await statistics.cells(statistics.totalRow('region'));
    expect(totals.slice(0, 2)).toEqual(['All providers', providers]);
    await expect(statistics.chart('tenant')).toBeVisible();
    await expect(statistics.bodyRows('tenant')).toHaveCount(28);
    await expect(statistics.chart('trend')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // A filter goes into the address, and the figures follow it.
    await statistics.filter('Type of service', 'Homecare');
    await statistics.applyButton.click();
    await expect(page).toHaveURL(/\/statistics\?serviceType=homecare$/);
    await expect.poll(async () => (await statistics.cells(statistics.totalRow('region')))[1]).not.toBe(providers);
    const filtered = await statistics.cells(statistics.totalRow('region'));
    const regionTotals = await Promise.all(
      (await statistics.bodyRows('region').all()).map((row) => statistics.cells(row)),
    );
    expect(regionTotals.reduce((sum, cells) => sum + Number(cells[1]), 0)).toBe(Number(filtered[1]));

    // Shared as a link, the view opens as it was.
    await page.reload();
    await expect(statistics.filters.getByLabel('Type of service', { exact: true })).toHaveValue('homecare');
    await expect(statistics.totalRow('region')).toContainText(filtered[1]);

    // The table as CSV: the same regions and the same totals as the page.
    const csv = await statistics.downloadCsv('region');
    expect(csv.fileName).toMatch(/^by-region-\d{4}-\d{2}\.csv$/);
    expect(csv.rows[0].slice(0, 3)).toEqual(['Region', 'Providers', 'Not started']);
    expect(csv.rows).toHaveLength(1 + REGIONS + 1);
    expect(csv.rows.at(-1)).toEqual(filtered);
    expect(csv.rows.slice(1, -1)).toEqual(regionTotals);
    await expectNoAccessibilityViolations(page);
  });
});
