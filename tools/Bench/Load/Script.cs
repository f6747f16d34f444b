namespace BankingBot.Bench.Load;

/// <summary>One message of a scripted conversation and a piece of text the bot's replies to it must contain.</summary>
/// <param name="Say">What the customer types; <c>{ticket}</c> is the ticket number the bot gave earlier.</param>
/// <param name="Expect">Text the replies must contain, as it appears in their JSON.</param>
/// <param name="CapturesTicket">The replies hold a new ticket number, for later <c>{ticket}</c>s.</param>
internal sealed record Step(string Say, string Expect, bool CapturesTicket = false);

/// <summary>A conversation the load generator holds, again and again, in fresh conversations.</summary>
internal sealed record Script(string Name, IReadOnlyList<Step> Steps);
