// Two visitors in two browsers: neither sees the other's conversation, and one's token cannot read the other's
// activities. The second visitor's Web Chat polls (Direct Line without WebSocket).
import { hears, openChat, say, scenario, screenshot, shows } from './webchat.mjs';

const kept = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('bankingbot.webchat') ?? 'null'));

await scenario('isolation', async (open) => {
  const first = await openChat(await open());
  await hears(first, 'What can I do for you?');
  await say(first, 'My new card still has not arrived, reference PINEAPPLE');
  await hears(first, 'PINEAPPLE');
  await screenshot(first, 'isolation-1-first-visitor');

  const second = await openChat(await open(), '?transport=polling');
  await hears(second, 'What can I do for you?');
  await say(second, 'what is an overdraft?');
  await hears(second, 'overdraft');
  await screenshot(second, 'isolation-2-second-visitor');
  if (await shows(second, 'PINEAPPLE') !== 0) {
    throw new Error("The second visitor sees the first visitor's message.");
  }

  const mine = await kept(second);
  const theirs = await kept(first);
  const status = await second.evaluate(async ({ domain, token, conversationId }) => {
    const response = await fetch(`${domain}/conversations/${conversationId}/activities`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return response.status;
  }, { domain: mine.domain, token: mine.token, conversationId: theirs.conversationId });
  if (status !== 403) {
    throw new Error(`Reading the other conversation with my token answered ${status}, not 403.`);
  }

  if (await shows(first, 'overdraft') !== 0) {
    throw new Error("The first visitor sees the second visitor's message.");
  }

  return { crossConversationStatus: status };
});
