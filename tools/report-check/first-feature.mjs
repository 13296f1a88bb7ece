#!/usr/bin/env node
// How long a reader waits for a living-documentation report: opens it in headless Chromium and
// times, from the start of navigation, until the page shows its pass count and its first feature. Prints "<seconds> s to the first feature (<MB> MB report)"; repeated N times.
//
// Usage: node first-feature.mjs REPORT.html MESSAGES.ndjson [N]
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expectedRun } from './expected-run.mjs';

const [report, messages, times = '3'] = process.argv.slice(2);
if (!report || !messages) {
  console.error('usage: node first-feature.mjs REPORT.html MESSAGES.ndjson [N]');
  process.exit(2);
}

const run = expectedRun(readFileSync(messages, 'utf8'));
const megabytes = (statSync(report).size / 1048576).toFixed(1);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (let i = 0; i < Number(times); i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const started = performance.now();
    await page.goto(pathToFileURL(report).href, { waitUntil: 'commit', timeout: 120000 });
    await page.getByText(/\(\d+ \/ \d+\) passed/).first().waitFor({ timeout: 120000 });
    // The report lists each feature by its file, collapsed or open; the page's hidden search index does not count.
    await page.getByText(/\.feature$/).filter({ visible: true }).first().waitFor({ timeout: 120000 });
    console.log(`${((performance.now() - started) / 1000).toFixed(2)} s to the first feature (${megabytes} MB report, ${run.total} scenarios)`);
    await page.close();
  }
} finally {
  await browser.close();
}
