/**
 * The HTML export in a real browser: Debian's chromium, headless, driven by puppeteer-core (which
 * downloads nothing). The page loads with no network request at all, stepping shows the register
 * panel of each step's recorded view, n and p land on the mistakes, and no secret is in the page.
 */
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { recordMistakes, tempDir, type Recording } from '../helpers/review.ts';

const CHROMIUM = process.env.TKESIM_CHROMIUM ?? '/usr/bin/chromium';

test.before(ensureBuilt);

let rec: Recording;
let html = '';
let page: Page;
let browser: Browser;
const requests: string[] = [];
let pageUrl = '';

test.before(async (t) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} was not found: install Debian's chromium (.ci/run does), or set TKESIM_CHROMIUM.`);
  rec = await recordMistakes(tempDir(), 'exported');
  const home = newHome();
  const out = join(home.dir, 'exported.html');
  const r = await tkesim(home, ['export', rec.journal, '--html', out]);
  t.is(r.code, 0, r.err);
  html = readFileSync(out, 'utf8');
  pageUrl = pathToFileURL(out).href;
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    requests.push(req.url());
    if (req.url() === pageUrl) void req.continue();
    else void req.abort();
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
});

test.after.always(async () => {
  await browser?.close();
});

const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const step = () => page.evaluate(() => document.body.dataset.step ?? '');

/** What a unit's row in the panel must say at a frame, read from the journal's recorded view. */
function unitFacts(frameIndex: number, unit: number): { mode: string; thresholds: string; newRegister: string } {
  const replay = recordedReplay(readJournal(readFileSync(rec.journal, 'utf8')));
  const u = replay.frames[frameIndex]?.view.world.units[unit - 1];
  if (!u) throw new Error(`no unit ${unit} at frame ${frameIndex}`);
  return { mode: u.signatureThreshold === 0 ? 'imprint' : 'secured', thresholds: `${u.signatureThreshold}/${u.revocationThreshold}`, newRegister: u.newRegister.state };
}

const unitRow = async (unit: number) => (await page.$$eval('#panel > div', (rows) => rows.map((r) => r.textContent ?? ''))).find((l) => new RegExp(`^\\S*\\s+${unit}\\s+OPER`).test(l)) ?? '';

test.serial('the page loads with no network request: one self-contained file', (t) => {
  t.deepEqual(requests, [pageUrl]);
  // No element that loads anything (a URL in the recorded transcript is only text).
  t.notRegex(html, /<link|<img|<iframe|<object|<embed|@import|url\(|\s(?:src|href|action)\s*=/i);
  t.regex(html, /Content-Security-Policy" content="default-src 'none'/);
});

test.serial('stepping changes the panel to the recorded state of that step', async (t) => {
  await page.keyboard.press('Home');
  t.is(await step(), '0');
  for (let i = 1; i <= 8; i++) await page.keyboard.press('ArrowRight');
  t.is(await step(), '8');
  t.regex(await text('#command'), /^step 8: tkesim> cryptounit-thrhld-set$/);
  const at8 = unitFacts(8, 1);
  t.is(at8.thresholds, '2/2');
  const row8 = await unitRow(1);
  t.regex(row8, new RegExp(`${at8.mode}.*${at8.thresholds}`));
  await page.keyboard.press('ArrowLeft');
  t.is(await step(), '7');
  const at7 = unitFacts(7, 1);
  t.regex(await unitRow(1), new RegExp(`${at7.mode}.*${at7.thresholds}`));
  t.not(await unitRow(1), row8, 'the panel follows the step');
  for (let i = 8; i <= 11; i++) await page.keyboard.press('ArrowRight');
  t.is(await step(), '11');
  t.is(unitFacts(11, 1).newRegister, 'Full Uncommitted');
  t.regex(await unitRow(1), /Full Uncommitted/);
  t.regex(await text('#terminal'), /tkesim> cryptounit-mk-load/);
  t.regex(await text('#status'), /units 1, 2/);
});

test.serial('n lands on a mistake, p goes back; mistakes are marked in the step list', async (t) => {
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  t.is(await step(), '4');
  t.is(await page.evaluate(() => document.body.dataset.mark ?? ''), 'mistake');
  t.regex(await text('#position'), /^step 4\/22 ✗ failed · 2 mistakes/);
  t.regex(await text('#terminal'), /The password for KEYNUM 1 is not valid\. The selection was not changed\.\s*$/);
  await page.keyboard.press('n');
  t.is(await step(), '13');
  t.regex(await text('#terminal'), /Return code: 208/);
  await page.keyboard.press('n');
  t.is(await step(), '13', 'no mistake after the last');
  await page.keyboard.press('p');
  t.is(await step(), '4');
  const marked = await page.$$eval('#steps li.mark-mistake', (lis) => lis.map((li) => li.getAttribute('data-index')));
  t.deepEqual(marked, ['4', '13']);
  t.true(await page.$eval('#steps li[data-index="4"]', (li) => li.classList.contains('current')));
  t.regex(await text('#summary'), /Score 62\/100/);
});

test.serial('no secret of the recorded session is in the page', (t) => {
  for (const secret of rec.secrets) t.false(html.includes(secret), `${secret} is in the page`);
});
