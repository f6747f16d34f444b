namespace BankingBot.Dialogs.Engine;

/// <summary>Commands that work anywhere in any flow.</summary>
public enum Interruption
{
    /// <summary>Not a command.</summary>
    None,

    /// <summary>"help", "what can I say".</summary>
    Help,

    /// <summary>"cancel", "stop", "never mind": asks to confirm before stopping the flow.</summary>
    Cancel,

    /// <summary>"start over", "main menu".</summary>
    StartOver,

    /// <summary>"talk to a person", "agent".</summary>
    TalkToPerson,
}

/// <summary>
/// Recognises the commands that interrupt a flow. A message counts only when it is the command itself,
/// perhaps with a polite word or two ("cancel please", "can I talk to a person?"), so "my card was
/// cancelled" or "I need help with a payment" are questions or answers, not commands.
/// </summary>
public static class Interruptions
{
    private static readonly Dictionary<string, Interruption> Commands = new(StringComparer.Ordinal)
    {
        ["help"] = Interruption.Help,
        ["help me"] = Interruption.Help,
        ["what can i say"] = Interruption.Help,
        ["what can you do"] = Interruption.Help,
        ["i need help"] = Interruption.Help,
        ["cancel"] = Interruption.Cancel,
        ["stop"] = Interruption.Cancel,
        ["quit"] = Interruption.Cancel,
        ["exit"] = Interruption.Cancel,
        ["abort"] = Interruption.Cancel,
        ["never mind"] = Interruption.Cancel,
        ["nevermind"] = Interruption.Cancel,
        ["forget it"] = Interruption.Cancel,
        ["cancel that"] = Interruption.Cancel,
        ["stop that"] = Interruption.Cancel,
        ["start over"] = Interruption.StartOver,
        ["start again"] = Interruption.StartOver,
        ["restart"] = Interruption.StartOver,
        ["main menu"] = Interruption.StartOver,
        ["menu"] = Interruption.StartOver,
        ["back to the start"] = Interruption.StartOver,
        ["talk to a person"] = Interruption.TalkToPerson,
        ["talk to a human"] = Interruption.TalkToPerson,
        ["speak to a person"] = Interruption.TalkToPerson,
        ["speak to a human"] = Interruption.TalkToPerson,
        ["talk to someone"] = Interruption.TalkToPerson,
        ["speak to someone"] = Interruption.TalkToPerson,
        ["talk to an agent"] = Interruption.TalkToPerson,
        ["speak to an agent"] = Interruption.TalkToPerson,
        ["real person"] = Interruption.TalkToPerson,
        ["a real person"] = Interruption.TalkToPerson,
        ["human"] = Interruption.TalkToPerson,
        ["agent"] = Interruption.TalkToPerson,
        ["operator"] = Interruption.TalkToPerson,
        ["representative"] = Interruption.TalkToPerson,
        ["live agent"] = Interruption.TalkToPerson,
        ["customer service"] = Interruption.TalkToPerson,
    };

    private static readonly string[] PoliteOpenings =
    [
        "please ", "can i ", "could i ", "can you ", "could you ", "i want to ", "i'd like to ", "i would like to ",
        "let me ", "let's ", "lets ", "just ", "ok ", "okay ", "i want ", "i need to ", "put me through to ",
        "connect me to ", "connect me with ", "get me ", "i wanna ",
    ];

    private static readonly string[] PoliteEndings = [" please", " now", " thanks", " thank you", " it"];

    /// <summary>The command a message is, or <see cref="Interruption.None"/>.</summary>
    /// <param name="text">The customer's message.</param>
    public static Interruption Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return Interruption.None;
        }

        var said = ChoiceRecognizer.Normalize(text);
        if (Commands.TryGetValue(said, out var bare))
        {
            return bare;
        }

        // A whole message that is a command said politely ("can I talk to a person please?") is a command
        // even in free text; a longer text that merely contains such a word is not.
        return Commands.GetValueOrDefault(StripPoliteness(said), Interruption.None);
    }

    private static string StripPoliteness(string said)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var opening in PoliteOpenings.Where(said.StartsWith))
            {
                said = said[opening.Length..];
                changed = true;
            }

            foreach (var ending in PoliteEndings.Where(said.EndsWith))
            {
                said = said[..^ending.Length];
                changed = true;
            }
        }

        return said.Trim();
    }
}
