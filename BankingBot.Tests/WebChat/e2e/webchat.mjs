// What every web chat scenario shares: headless Chromium (Debian's, never a downloaded one) driven by
// playwright-core from build/node, the bot's page opened through the real Web Chat UI, and screenshots.
// A scenario runs as `node <scenario>.mjs` with BOT_URL (the app), ARTIFACTS (a folder for screenshots) and
// NODE_TOOLS (build/node) set by the xunit test, prints one JSON line of facts, and exits 0 when it passed.
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_TOOLS ?? '', 'package.json'));
const { chromium } = require('playwright-core');

export const botUrl = process.env.BOT_URL ?? 'http://127.0.0.1:3978/';
export const artifacts = process.env.ARTIFACTS ?? path.join(tmpdir(), 'bankingbot-webchat');
const botHost = new URL(botUrl).host;
const sendBox = '[data-id="webchat-sendbox-input"]';
const waitMs = 30_000;

/** A browser of its own, with a fresh profile; only the bot on 127.0.0.1 is reachable from it. */
export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'bankingbot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 900, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).host === botHost ? route.continue() : route.abort());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Opens the bot's page (with an optional query, such as "?page=/mortgages") and waits for the send box. */
export async function openChat(context, query = '') {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(new URL(query, botUrl).toString());
  await page.locator(sendBox).waitFor({ timeout: waitMs });
  return page;
}

/** Types a message into Web Chat's send box and sends it with Enter. */
export async function say(page, text) {
  const box = page.locator(sendBox);
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Waits until the transcript shows the text (in a bubble or a card) and returns how many times it does. Web Chat
 * shows straight apostrophes as typographic ones, so expected texts are best chosen without them.
 */
export async function hears(page, text) {
  const found = transcript(page).getByText(text, { exact: false });
  await found.last().waitFor({ timeout: waitMs });
  return found.count();
}

/** Waits until one of the texts shows, and returns the first that does. */
export async function hearsOneOf(page, texts) {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    for (const text of texts) {
      if (await transcript(page).getByText(text, { exact: false }).count() > 0) {
        return text;
      }
    }

    await page.waitForTimeout(200);
  }

  throw new Error(`None of ${JSON.stringify(texts)} showed within ${waitMs} ms.`);
}

/** How many times the transcript shows the text now. */
export function shows(page, text) {
  return transcript(page).getByText(text, { exact: false }).count();
}

/** Presses the newest button with this title (an Adaptive Card action or a suggested action). */
export async function press(page, title) {
  const button = transcript(page).getByRole('button', { name: title, exact: true }).last();
  await button.waitFor({ timeout: waitMs });
  await button.click();
}

/** The whole transcript's text. */
export function transcriptText(page) {
  return transcript(page).innerText();
}

/** Saves a screenshot of the page as ARTIFACTS/<name>.png, once Web Chat has stopped saying "Connecting". */
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.getByText('Connecting…').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  // Web Chat scrolls to the newest activity with an animation; let it finish.
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Runs a scenario: prints its facts as one JSON line, or a screenshot and the error when it fails. */
export async function scenario(name, body) {
  const browsers = [];
  const open = async () => {
    const browser = await launch();
    browsers.push(browser);
    return browser.context;
  };
  try {
    const facts = await body(open);
    console.log(JSON.stringify({ scenario: name, passed: true, ...facts }));
  } catch (error) {
    console.error(`${name} failed: ${error.stack ?? error}`);
    for (const [index, browser] of browsers.entries()) {
      const page = browser.context.pages()[0];
      if (page) {
        await screenshot(page, `${name}-failed-${index + 1}`).catch(() => {});
      }
    }

    process.exitCode = 1;
  } finally {
    for (const browser of browsers) {
      await browser.close().catch(() => {});
    }
  }
}

function transcript(page) {
  return page.locator('.webchat__basic-transcript__transcript');
}
