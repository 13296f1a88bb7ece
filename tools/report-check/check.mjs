#!/usr/bin/env node
// Opens a living-documentation report in headless Chromium, expands every feature as a reader
// would, and checks the text the page shows (not the raw file): every feature and scenario name
// of the run, and the pass count as "(passed / total) passed". With a catalog page, checks that
// it shows every step expression. Keeps a PNG screenshot beside each page.
//
// Usage: node check.mjs REPORT.html MESSAGES.ndjson [CATALOG.html]
// Chromium: /usr/bin/chromium (Debian package chromium), or the path in $CHROMIUM.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expectedRun } from './expected-run.mjs';

async function open(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return page;
}

/** The whole page as NAME.png, and its first screenful as NAME-top.png (the one the README shows). */
async function keepScreenshots(page, file) {
  const png = file.replace(/\.html$/, '.png');
  await page.screenshot({ path: png, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file.replace(/\.html$/, '-top.png') });
  return png;
}

async function checkReport(browser, report, messages) {
  const run = expectedRun(readFileSync(messages, 'utf8'));
  const page = await open(browser, report);
  await page.getByText(/\(\d+ \/ \d+\) passed/).first().waitFor({ timeout: 15000 });
  // Features start collapsed; open each, as a reader would, so names and steps are on screen.
  const collapsed = page.locator('[aria-expanded="false"]');
  for (let opened = 0; opened < 500 && await collapsed.count() > 0; opened++) {
    await collapsed.first().click();
  }
  const shown = await page.innerText('body');
  const problems = [
    ...run.features.filter(name => !shown.includes(name)).map(name => `feature not shown: ${name}`),
    ...run.scenarios.filter(name => !shown.includes(name)).map(name => `scenario not shown: ${name}`),
  ];
  const count = `(${run.passed} / ${run.total}) passed`;
  if (!shown.includes(count)) {
    problems.push(`pass count: expected ${count}, the page shows ${shown.match(/\(\d+ \/ \d+\) passed/)?.[0] ?? 'none'}`);
  }
  const png = await keepScreenshots(page, report);
  console.log(`${report}: ${run.features.length} features, ${run.scenarios.length} scenarios, ${run.passed} of ${run.total} passed; screenshot ${png}`);
  return problems;
}

async function checkCatalog(browser, catalog) {
  const page = await open(browser, catalog);
  const steps = await page.locator('td.step').allInnerTexts();
  const shown = await page.innerText('body');
  const problems = steps.length === 0 ? ['the catalog shows no steps'] : [];
  problems.push(...steps.filter(step => !shown.includes(step)).map(step => `catalog step not shown: ${step}`));
  const png = await keepScreenshots(page, catalog);
  console.log(`${catalog}: ${steps.length} sentences; screenshot ${png}`);
  return problems;
}

const [report, messages, catalog] = process.argv.slice(2);
if (!report || !messages) {
  console.error('usage: node check.mjs REPORT.html MESSAGES.ndjson [CATALOG.html]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const problems = await checkReport(browser, report, messages);
  if (catalog) problems.push(...await checkCatalog(browser, catalog));
  problems.forEach(problem => console.error(`report-check: ${problem}`));
  process.exitCode = problems.length ? 1 : 0;
} finally {
  await browser.close();
}
