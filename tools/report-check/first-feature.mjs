#!/usr/bin/env node
// How long a reader waits for a living-documentation report: opens it in headless Chromium and
// times, from the start of navigation, until the page shows its pass count and its first feature.
// When the report is a summary page with a page per feature, also times opening the first
// feature's page from there, until it shows the same. Prints, N times:
//   "<seconds> s to the first feature (<MB> MB report, <n> scenarios); its page <seconds> s (<MB> MB)"
//
// Usage: node first-feature.mjs REPORT.html MESSAGES.ndjson [N]
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expectedRun } from './expected-run.mjs';

const [report, messages, times = '3'] = process.argv.slice(2);
if (!report || !messages) {
  console.error('usage: node first-feature.mjs REPORT.html MESSAGES.ndjson [N]');
  process.exit(2);
}

const megabytes = file => (statSync(file).size / 1048576).toFixed(2);

/** Until the page shows a pass count and a feature file, collapsed or open (the page's hidden search index does not count). */
async function shown(page) {
  await page.getByText(/\(\d+ \/ \d+\) passed/).first().waitFor({ timeout: 120000 });
  await page.getByText(/\.feature$/).filter({ visible: true }).first().waitFor({ timeout: 120000 });
}

const run = expectedRun(readFileSync(messages, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (let i = 0; i < Number(times); i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    let started = performance.now();
    await page.goto(pathToFileURL(report).href, { waitUntil: 'commit', timeout: 120000 });
    await shown(page);
    let line = `${((performance.now() - started) / 1000).toFixed(2)} s to the first feature (${megabytes(report)} MB report, ${run.total} scenarios)`;
    const link = page.locator('a[data-page]').first();
    if (await link.count() > 0) {
      const target = fileURLToPath(new URL(await link.getAttribute('href'), page.url()));
      started = performance.now();
      await link.click({ noWaitAfter: true });
      await page.waitForURL(pathToFileURL(target).href, { waitUntil: 'commit', timeout: 120000 });
      await shown(page);
      line += `; its page ${((performance.now() - started) / 1000).toFixed(2)} s (${megabytes(target)} MB)`;
    }
    console.log(line);
    await page.close();
  }
} finally {
  await browser.close();
}
