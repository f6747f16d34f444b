// A customer halfway through reporting a problem reloads the page: the same conversation comes back with what
// was said, without a second greeting, and their next answer continues where they were.
import { hears, openChat, press, say, scenario, screenshot, shows } from './webchat.mjs';

const kept = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('bankingbot.webchat') ?? 'null'));

await scenario('reload', async (open) => {
  const page = await openChat(await open());
  await hears(page, 'What can I do for you?');
  await press(page, 'Report a problem');
  await hears(page, 'What is it about?');
  await press(page, 'A payment');
  await hears(page, 'describe the problem');
  const before = await kept(page);
  await screenshot(page, 'reload-1-before');

  await page.reload();
  await hears(page, 'describe the problem');
  const after = await kept(page);
  if (!before?.conversationId || before.conversationId !== after?.conversationId) {
    throw new Error(`The reload started another conversation: ${before?.conversationId} -> ${after?.conversationId}`);
  }

  await say(page, 'A payment to my landlord has been pending for three days');
  await hears(page, 'How urgent is it?');
  const greetings = await shows(page, 'Hello, and welcome to');
  if (greetings !== 1) {
    throw new Error(`The customer was greeted ${greetings} times.`);
  }

  await screenshot(page, 'reload-2-continued');
  return { conversationId: after.conversationId };
});
