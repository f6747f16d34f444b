using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>What a customer is offered after too many answers that did not fit.</summary>
internal static class EscapeChoices
{
    public const string Person = "person";
    public const string Retry = "retry";
    public const string Stop = "stop";

    public const string Question =
        "I'm sorry, I still can't make that answer out. " +
        "Would you like to talk to a person, try once more, or stop here?";

    public const string StoppedMessage = "All right, I've stopped that. Is there anything else I can do for you?";

    public static List<ChoiceOption> For(DialogEngineOptions options)
    {
        var choices = new List<ChoiceOption>();
        if (options.HandoverDialogId is not null)
        {
            choices.Add(new(Person, "Talk to a person", ["person", "human", "agent", "someone", "a person"]));
        }

        choices.Add(new(Retry, "Try again", ["again", "retry", "try once more", "once more", "keep trying"]));
        choices.Add(new(Stop, "Stop", ["stop", "stop here", "cancel", "quit", "forget it"]));
        return choices;
    }
}
