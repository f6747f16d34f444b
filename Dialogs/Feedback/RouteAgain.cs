namespace BankingBot.Dialogs.Feedback;

/// <summary>
/// What a flow hands back when the customer's message was not an answer to it but a new request ("how do I
/// reset my PIN?" instead of a rating): the root dialog routes the same message as if no flow had been active.
/// </summary>
public sealed record RouteAgain(string Flow);
