// A visitor on the bank's mortgage page is offered a mortgage enquiry, and answers it with the buttons and by
// typing amounts, without giving contact details.
import { hears, openChat, press, say, scenario, screenshot } from './webchat.mjs';

await scenario('lead', async (open) => {
  const page = await openChat(await open(), '?page=/mortgages/first-home');
  await hears(page, 'Thinking about a mortgage?');
  await screenshot(page, 'lead-1-mortgage-page-greeting');

  await press(page, 'Yes, please');
  await hears(page, 'What is the mortgage for?');
  await press(page, 'Buying my first home');
  await hears(page, 'how much would you like to borrow');
  await say(page, '250k');
  await hears(page, 'When would you like to go ahead?');
  await press(page, 'In the next 3 months');
  await hears(page, 'Do you already bank with');
  await press(page, 'Yes');
  await hears(page, 'what is the property worth');
  await say(page, '300k');
  await hears(page, 'How much deposit do you have?');
  await say(page, '40k');
  await hears(page, 'How do you earn your income?');
  await press(page, 'Employed');
  await hears(page, 'mortgage advisers to contact you');
  await screenshot(page, 'lead-2-questions');

  await press(page, 'No');
  await hears(page, 'passed on, without any contact details');
  await screenshot(page, 'lead-3-passed-on');
  return {};
});
