'use strict';
// Checks and renders Adaptive Cards for the card tests. Usage: node card-render.js IN_DIR OUT_DIR
// IN_DIR holds one JSON file per card: {"version": "1.5" | "1.6", "host": "webchat" | "teams", "card": {...}}.
// For each card: the JSON schema for its version (card-schema.js), the real `adaptivecards` renderer's own parse
// at that version, and a render in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser)
// with markdown-it as Web Chat uses it; a PNG of each card goes to OUT_DIR. Prints one JSON report on stdout.
const fs = require('fs');
const os = require('os');
const path = require('path');
const Ajv = require('ajv');
const { chromium } = require('playwright-core');
const { schemaFor } = require('./card-schema');

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hostConfigs = {
  // Web Chat stacks many buttons; Teams shows six and puts the rest in an overflow menu.
  webchat: { actions: { maxActions: 100, actionsOrientation: 'vertical', buttonSpacing: 8 } },
  teams: { actions: { maxActions: 6, actionsOrientation: 'horizontal', allowMoreThanMaxActionsInOverflowMenu: true } },
};

async function main() {
  const [inDir, outDir] = process.argv.slice(2);
  if (!inDir || !outDir) throw new Error('usage: node card-render.js IN_DIR OUT_DIR');
  fs.mkdirSync(outDir, { recursive: true });
  const ajv = new Ajv({ discriminator: true, allErrors: true, strict: false });
  const validators = { '1.5': ajv.compile(schemaFor('1.5')), '1.6': ajv.compile(schemaFor('1.6')) };
  const cards = fs.readdirSync(inDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f.slice(0, -5), ...JSON.parse(fs.readFileSync(path.join(inDir, f), 'utf8')) }));

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, viewport: { width: 520, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    await context.route('**/*', (route) => route.abort());
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.setContent('<!doctype html><html><body style="margin:0;font-family:sans-serif;background:#f3f2f1">'
      + '<div id="card" style="width:460px;padding:10px"></div></body></html>');
    const modules = path.join(__dirname, 'node_modules');
    await page.addScriptTag({ path: path.join(modules, 'markdown-it/dist/browser/markdown-it.umd.min.js') });
    await page.addScriptTag({ path: path.join(__dirname, 'node_modules/adaptivecards/dist/adaptivecards.min.js') });
    await page.addStyleTag({ path: path.join(__dirname, 'node_modules/adaptivecards/dist/adaptivecards.css') });

    for (const item of cards) {
      const validate = validators[item.version];
      const schemaErrors = validate ? (validate(item.card) ? [] : validate.errors.map(
        (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`))
        : [`no schema for ${item.version}`];
      pageErrors.length = 0;
      const render = await page.evaluate(({ card, version, hostConfig }) => {
        const AC = window.AdaptiveCards;
        const md = window.markdownit({ html: false, linkify: true });
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          result.outputHtml = md.render(text);
          result.didProcess = true;
        };
        const target = document.getElementById('card');
        target.innerHTML = '';
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext(AC.Versions['v' + version.replace('.', '_')]);
        adaptive.parse(card, context);
        const events = [];
        for (let i = 0; i < context.eventCount; i++) {
          const e = context.getEventAt(i);
          events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
        }
        for (const issue of adaptive.validateProperties().validationEvents) {
          events.push(`${AC.ValidationEvent[issue.event]}: ${issue.message}`);
        }
        const element = adaptive.render();
        if (!element) return { events, error: 'render returned nothing' };
        target.appendChild(element);
        const count = (selector) => element.querySelectorAll(selector).length;
        // A bare address that Web Chat's linkify makes clickable is shown as typed; a link with other text is not.
        return {
          events,
          text: element.innerText,
          markup: { strong: count('strong'), em: count('em'), links: [...element.querySelectorAll('a')]
            .filter((a) => ![a.textContent, 'mailto:' + a.textContent].includes(a.getAttribute('href'))).length,
            lists: count('li'),
            headings: count('h1,h2,h3,h4,h5,h6'), code: count('code') },
          buttons: [...element.querySelectorAll('button')].map((b) => b.innerText.trim()).filter((t) => t),
          inputs: count('input,textarea,select'),
          height: element.getBoundingClientRect().height,
        };
      }, { card: item.card, version: item.version, hostConfig: hostConfigs[item.host] || hostConfigs.webchat });
      const screenshot = path.join(outDir, `${item.name}.png`);
      await page.locator('#card').screenshot({ path: screenshot });
      results.push({ name: item.name, schemaErrors, ...render, pageErrors: [...pageErrors], screenshot });
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }

  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
