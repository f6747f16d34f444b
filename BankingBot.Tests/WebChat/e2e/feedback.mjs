// A customer gives feedback: a rating by clicking it, no comment, and how likely they are to recommend the bank.
import { hears, openChat, press, say, scenario, screenshot } from './webchat.mjs';

await scenario('feedback', async (open) => {
  const page = await openChat(await open());
  await hears(page, 'What can I do for you?');
  await press(page, 'Give feedback');
  await hears(page, 'How would you rate this chat');
  await screenshot(page, 'feedback-1-rating');

  await press(page, '4 - Good');
  await hears(page, 'glad to hear it');
  await press(page, 'No, thanks');
  await hears(page, 'how likely are you to recommend');
  await say(page, '9');
  await hears(page, 'Thank you for your feedback!');
  await screenshot(page, 'feedback-2-thanks');
  return {};
});
