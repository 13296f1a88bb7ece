#!/usr/bin/env node
// Opens a living-documentation report in headless Chromium (its summary page and every feature
// page it links to), expands every feature as a reader would, and checks the text the pages show
// (not the raw files): every feature and scenario name of the run, the pass count as
// "(passed / total) passed", and the scenarios that did not pass named on the summary. A feature
// page must show its scenarios as it opens, before any click, and no hook of the suite ("1 hooks",
// "BeforeAll", a "Hooks" list) that did not fail. With a
// catalog page, checks that it shows every step expression. Keeps PNG screenshots beside the
// summary, the first feature page and the catalog.
//
// Usage: node check.mjs REPORT.html MESSAGES.ndjson [CATALOG.html]
// Chromium: /usr/bin/chromium (Debian package chromium), or the path in $CHROMIUM.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const PASS_COUNT = /\(\d+ \/ \d+\) passed/;

/** The text a page of Cucumber's report shows once every collapsed feature is opened, as a reader would. */
async function expandedText(page) {
  await page.getByText(PASS_COUNT).first().waitFor({ timeout: 15000 });
  const collapsed = page.locator('[aria-expanded="false"]');
  for (let opened = 0; opened < 500 && await collapsed.count() > 0; opened++) {
    await collapsed.first().click();
  }
  return page.innerText('body');
}

/**
 * BddWs's report is a summary page linking to a page per feature (data-page links); Reqnroll's
 * own (the bridge probe's) is one page. Either way: every feature named on the first page, every
 * scenario on some page, the run's pass count on the first page; with a summary page, every
 * scenario that did not pass named on it too, and each feature page leading back to it.
 */
async function checkReport(browser, report, messages) {
  const run = expectedRun(readFileSync(messages, 'utf8'));
  const page = await open(browser, report);
  await page.getByText(PASS_COUNT).first().waitFor({ timeout: 15000 });
  const pages = [...new Set(await page.locator('a[data-page]').evaluateAll(links => links.map(link => link.href.split('#')[0])))];
  const summary = pages.length ? await page.innerText('body') : await expandedText(page);
  const problems = [];
  let scenarioText = summary;
  let openedText = '';
  for (const [index, url] of pages.entries()) {
    const featurePage = await open(browser, fileURLToPath(url));
    await featurePage.getByText(PASS_COUNT).first().waitFor({ timeout: 15000 });
    const opened = await featurePage.innerText('body');
    openedText += opened;
    const machinery = opened.match(/\b\d+ hooks\b|\bBeforeAll\b|\bAfterAll\b|No test run hooks were executed\./);
    if (machinery) problems.push(`the suite's hooks shown on ${url}: "${machinery[0]}"`);
    scenarioText += await expandedText(featurePage);
    if (await featurePage.getByRole('link', { name: 'All features' }).count() === 0) {
      problems.push(`no way back to the summary from ${url}`);
    }
    if (index === 0) await keepScreenshots(featurePage, fileURLToPath(url));
    await featurePage.close();
  }
  problems.push(
    ...run.features.filter(name => !summary.includes(name)).map(name => `feature not shown: ${name}`),
    ...run.scenarios.filter(name => !scenarioText.includes(name)).map(name => `scenario not shown: ${name}`),
  );
  if (pages.length) {
    problems.push(...run.scenarios.filter(name => !openedText.includes(name)).map(name => `scenario folded when its page opens: ${name}`));
    problems.push(...run.failed.filter(name => !summary.includes(name)).map(name => `scenario that did not pass not named on the summary: ${name}`));
  }
  const count = `(${run.passed} / ${run.total}) passed`;
  if (!summary.includes(count)) {
    problems.push(`pass count: expected ${count}, the page shows ${summary.match(PASS_COUNT)?.[0] ?? 'none'}`);
  }
  const png = await keepScreenshots(page, report);
  console.log(`${report}: ${run.features.length} features, ${run.scenarios.length} scenarios, ${run.passed} of ${run.total} passed` +
    `${pages.length ? `, ${pages.length} feature pages` : ''}; screenshot ${png}`);
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
