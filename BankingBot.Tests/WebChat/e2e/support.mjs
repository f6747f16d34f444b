// A customer asks a support question in their own words, then what a banking word means.
import { hears, openChat, say, scenario, screenshot } from './webchat.mjs';

await scenario('support', async (open) => {
  const page = await openChat(await open());
  await hears(page, 'What can I do for you?');
  await screenshot(page, 'support-1-greeting');

  await say(page, 'What exchange rate do you use?');
  await hears(page, 'close to the live market');
  await screenshot(page, 'support-2-answer');

  await say(page, 'what is an IBAN?');
  await hears(page, 'international bank account number');
  await screenshot(page, 'support-3-glossary');
  return {};
});
