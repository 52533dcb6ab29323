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
    // axe over a page of eight tables (the forecast's two included) takes tens of seconds on a busy two-core machine.
    test.setTimeout(240_000);
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
    // Dates as people write them, never ISO dates.
    await expect(statistics.previousCycle).toContainText(
      /Compared with \d{4}-\d{2} on \d{1,2} [A-Z][a-z]+ \d{4}, \d+ days/,
    );
    await expect(statistics.summary.locator('..')).not.toContainText(/\d{4}-\d{2}-\d{2}/);

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
    // Read the table once the new figures are announced (they are then on the page), not while it re-renders.
    await expect(statistics.announcement).toContainText('of type homecare');
    // The table re-renders with the filtered figures: wait until it shows them (numbers or [c]), then read.
    const figure = (text: string) => Number(text.replace(/,/g, ''));
    // The figures asserted on are the very read that showed the table settled, read in one go: separate
    // reads could straddle a re-render (the total row read mid-render gave NaN once).
    let read: Awaited<ReturnType<StatisticsPage['table']>> = { total: [], rows: [] };
    await expect
      .poll(async () => {
        read = await statistics.table('region');
        const { total, rows } = read;
        const settled = [total, ...rows].every((cells) => /^(\d[\d,]*|\[c\])$/.test(cells[1] ?? ''));
        return settled && total[0] === 'All providers' && total[1] !== providers && rows.length === REGIONS;
      })
      .toBe(true);
    const { total: filtered, rows: regionTotals } = read;
    const shownSum = regionTotals
      .filter((cells) => cells[1] !== '[c]')
      .reduce((sum, cells) => sum + figure(cells[1]), 0);
    if (regionTotals.some((cells) => cells[1] === '[c]')) {
      // A hidden region count: the shown ones add up to less than the total, never more.
      expect(shownSum).toBeLessThan(figure(filtered[1]));
    } else {
      expect(shownSum).toBe(figure(filtered[1]));
    }

    // Shared as a link, the view opens as it was.
    await page.reload();
    await expect(statistics.filters.getByLabel('Type of service', { exact: true })).toHaveValue('homecare');
    await expect(statistics.totalRow('region')).toContainText(filtered[1]);

    // Small counts of a region's homecare are hidden ([c]) for a programme lead; a note under the table says why.
    const note = statistics.section('region').getByTestId('hidden-figures-note');
    const hidden = regionTotals.some((cells) => cells.includes('[c]'));
    await expect(note).toHaveCount(hidden ? 1 : 0);

    // The table as CSV: the same regions and the same totals as the page (and the same note, last).
    const csv = await statistics.downloadCsv('region');
    expect(csv.fileName).toMatch(/^by-region-\d{4}-\d{2}\.csv$/);
    expect(csv.rows[0].slice(0, 3)).toEqual(['Region', 'Providers', 'Standards Met or above']);
    const table = hidden ? csv.rows.slice(0, -1) : csv.rows;
    if (hidden) {
      expect(csv.rows.at(-1)?.join(',')).toContain('[c]: hidden to protect individual providers');
    }
    expect(table).toHaveLength(1 + REGIONS + 1);
    expect(table.at(-1)).toEqual(filtered);
    expect(table.slice(1, -1)).toEqual(regionTotals);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('statistics a lead can act on', () => {
  test('the summary gives the gap to the target and who is furthest behind; tables sort and drill down from region to LSP to type of service; the share fits at 1366 px and tables stack at 390 px', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const statistics = new StatisticsPage(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.programmeLead);
    await new Shell(page).navigationLink('Statistics').click();

    await expect(statistics.targetGap).toHaveText(
      /^(To reach the 70\.0% target: [\d,]+ more providers? at Standards Met or above\.|The 70\.0% target is met\.)$/,
    );
    await expect(statistics.againstLastCycle).toContainText(/^Last cycle at the same point: \d+\.\d% at Standards Met/);
    await expect(statistics.furthestBehind.getByRole('heading', { name: 'Regions' })).toBeVisible();
    await expect(statistics.furthestBehind.getByTestId('behind-tenant').getByRole('listitem').first()).toContainText(
      /\d+\.\d%, \d+ more providers? needed/,
    );

    // The share against the target is on screen without scrolling sideways at 1366 px.
    const shareHeader = statistics.columnHeader('region', 'Standards Met or above');
    const box = await shareHeader.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1366);
    const scroll = statistics.section('region').locator('.nhsuk-scroll__content');
    const visible = await scroll.boundingBox();
    expect(box && visible && box.x + box.width).toBeLessThanOrEqual((visible?.x ?? 0) + (visible?.width ?? 0));
    // The whole table fits: no sideways scroll at all at this width.
    expect(await scroll.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // Sorting: aria-sort on the header, the rows in the new order, and an announcement.
    await statistics.sortBy('region', 'Standards Met or above');
    await expect(shareHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(statistics.section('region').getByTestId('sort-announcement')).toHaveText(
      'By region: sorted by Standards Met or above, lowest first.',
    );
    const shares = async () =>
      (await Promise.all((await statistics.bodyRows('region').all()).map((row) => statistics.cells(row))))
        .map((cells) => cells[2])
        .filter((share) => share !== '[c]')
        .map((share) => Number.parseFloat(share));
    const ascending = await shares();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await expectNoAccessibilityViolations(page);

    // Drill down: a region, then one of its LSPs (broken down by type of service).
    await statistics.groupLink('region', 'London').click();
    await expect(page).toHaveURL(/\/statistics\?region=London$/);
    await expect(statistics.bodyRows('region')).toHaveCount(1);
    await expect(statistics.announcement).toContainText('London');
    const lsp = statistics.section('tenant').getByTestId('drill-down').first();
    const lspName = (await lsp.innerText()).trim();
    await lsp.click();
    await expect(page).toHaveURL(/\/statistics\?region=London&tenant=[a-z0-9-]+$/);
    await expect(statistics.filters.getByLabel('LSP', { exact: true })).toHaveValue(/[a-z0-9-]+/);
    await expect(statistics.section('tenant').getByTestId('figures-table').locator('tbody tr')).toHaveCount(1);
    await expect(statistics.bodyRows('tenant').first()).toContainText(lspName);
    await expect(statistics.section('breakdown').getByRole('heading', { level: 2 })).toHaveText('By type of service');
    await expectNoAccessibilityViolations(page);

    // At 390 px the page is no wider than the screen: the tables stack, each cell naming its column.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(statistics.bodyRows('region').first().locator('.nhsuk-table__heading').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the headline says where the programme will be by the deadline at this pace; the forecast tables sort and stack at 390 px', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const statistics = new StatisticsPage(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.programmeLead);
    await new Shell(page).navigationLink('Statistics').click();

    // The demo's last cycle has snapshots lined up with today, so the forecast follows its curve.
    await expect(statistics.forecastHeadline).toHaveText(
      /^At this pace, \d+\.\d% \(\d+\.\d% to \d+\.\d%\) by 30 June \d{4}: (about [\d,]+ providers? short of|enough to reach) the 70\.0% target\.$/,
    );
    const forecast = statistics.section('forecast');
    await expect(forecast.getByRole('heading', { level: 2 })).toHaveText(/^Forecast to 30 June \d{4}$/);
    const rows = (id: string) => statistics.section(id).getByTestId('forecast-table').locator('tbody tr');
    await expect(rows('forecast-region')).toHaveCount(REGIONS);
    await expect(rows('forecast-tenant')).toHaveCount(28);
    const total = await statistics.cells(statistics.section('forecast-region').getByTestId('forecast-total-row'));
    // The programme's row: the share now as the headline gives it, and a projection within its band.
    const headline = await statistics.summary.innerText();
    expect(headline).toContain(`${total[2]} at Standards Met or above`);
    const [now, projected, low, high] = total.slice(2, 6).map((cell) => Number.parseFloat(cell));
    expect(low).toBeGreaterThanOrEqual(now);
    expect(projected).toBeGreaterThanOrEqual(low);
    expect(high).toBeGreaterThanOrEqual(projected);

    // Sortable like the other tables.
    const expected = /^Expected by 30 June \d{4}$/;
    await statistics.section('forecast-region').getByRole('button', { name: expected }).click();
    // The header holds the sort arrow too: match its name, not the whole text.
    await expect(
      statistics
        .section('forecast-region')
        .getByRole('columnheader')
        .filter({ hasText: /Expected by 30 June/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
    const projections = (await Promise.all((await rows('forecast-region').all()).map((row) => statistics.cells(row))))
      .map((cells) => cells[3])
      .filter((cell) => cell !== '[c]')
      .map((cell) => Number.parseFloat(cell));
    expect(projections).toEqual([...projections].sort((a, b) => a - b));
    await expectNoAccessibilityViolations(page);

    // At 390 px the forecast tables stack too, each cell naming its column.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(rows('forecast-region').first().locator('.nhsuk-table__heading').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
