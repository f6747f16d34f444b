// A customer reports a problem with their card through the menu and buttons, gets a ticket number, and later
// asks for the ticket's status by that number.
import { hears, hearsOneOf, openChat, press, say, scenario, screenshot, transcriptText } from './webchat.mjs';

await scenario('ticket', async (open) => {
  const page = await openChat(await open());
  await hears(page, 'What can I do for you?');
  await press(page, 'Report a problem');
  await hears(page, 'What is it about?');
  await press(page, 'A card');
  await hears(page, 'describe the problem');
  await say(page, 'My card was declined at the supermarket this morning');
  await hears(page, 'How urgent is it?');
  await press(page, 'Quite urgent');
  await hears(page, 'status changes');
  await press(page, 'Yes');

  // A ticket may also ask for an e-mail address to find it by from elsewhere; this customer skips that.
  if (await hearsOneOf(page, ['Your ticket number is', 'e-mail address should I put']) !== 'Your ticket number is') {
    await say(page, 'skip');
  }

  await hears(page, 'Your ticket number is');
  const number = (await transcriptText(page)).match(/TK-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
  if (!number) {
    throw new Error('The confirmation shows no ticket number.');
  }

  // Chromium runs in Europe/Berlin: Web Chat sends that time zone, and the answer time is given in it.
  await hears(page, '(Europe/Berlin)');
  await screenshot(page, 'ticket-1-created');
  await say(page, `status of ${number}`);
  await hears(page, 'An engineer will answer by');
  await screenshot(page, 'ticket-2-status');
  return { ticket: number };
});
