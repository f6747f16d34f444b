namespace BankingBot.Bench.Load;

/// <summary>The conversations the benchmark holds with each server.</summary>
internal static class Scripts
{
    /// <summary>Ten messages to an echo bot, each answered by one echo.</summary>
    public static Script Echo { get; } = new("echo",
        Enumerable.Range(1, 10).Select(i => new Step($"hello number {i}", "Echo")).ToArray());

    /// <summary>
    /// BankingBot's full flows in one conversation of 30 turns: support questions in free text and a glossary
    /// question, a ticket created and then looked up by its number, a mortgage lead with contact details, and
    /// feedback. The expected texts are how the bot's replies begin or what they must say.
    /// </summary>
    public static Script BankingJourney { get; } = new("banking journey",
    [
        // Support, in the customer's own words; the first answer comes after the bot's one-line introduction.
        new("I lost my card", "Freeze the card right away"),
        new("no", "no ticket for now"),
        new("What does APR mean?", "APR (annual percentage rate)"),
        new("how do you work out the rate when I exchange pounds to euros", "On weekdays we convert"),
        new("my top up failed", "A failed top-up is usually declined"),
        new("no", "no ticket for now"),

        // A ticket, then its status by number.
        new("I want to open a ticket", "What is it about?"),
        new("the second one", "describe the problem"),
        new("A card payment at the bakery was taken twice yesterday", "How urgent is it?"),
        new("quite urgent", "let you know here"),
        new("no", "what e-mail address should I put on it?"),
        new("skip", "Your ticket number is", CapturesTicket: true),
        new("status of {ticket}", "Ticket {ticket}"),

        // A mortgage lead with consent and contact details.
        new("I'm interested in a mortgage", "What is the mortgage for?"),
        new("We're buying our first home", "how much would you like to borrow"),
        new("250k", "When would you like to go ahead?"),
        new("in three months", "Do you already bank with Northwind Bank?"),
        new("yes", "what is the property worth"),
        new("300k", "How much deposit do you have?"),
        new("40k", "How do you earn your income?"),
        new("employed", "Would you like one of our mortgage advisers to contact you"),
        new("yes", "What name should our adviser ask for?"),
        new("Sam Taylor", "And your e-mail address?"),
        new("sam.taylor@example.com", "Which phone number should we call?"),
        new("020 7946 0018", "When would suit you for a call?"),
        new("Monday afternoon", "Here's what I've passed on"),

        // Feedback with a comment and a recommendation.
        new("I'd like to give feedback", "How would you rate this chat"),
        new("4", "Is there anything you'd like to tell us?"),
        new("Quick and clear answers", "how likely are you to recommend Northwind Bank"),
        new("9", "Thank you for your feedback!"),
    ]);

    /// <summary>One question and its answer: a conversation that then stays idle.</summary>
    public static Script OneQuestion { get; } = new("one question",
        [new("What does APR mean?", "APR (annual percentage rate)")]);

    /// <summary>The first message after a cold start, answered by the intent recognizer.</summary>
    public static Step FirstTurn { get; } = new("I lost my card", "Freeze the card right away");
}
