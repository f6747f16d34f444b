using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>Settings shared by every dialog of the bot.</summary>
public sealed class DialogEngineOptions
{
    /// <summary>Wrong answers to one question before the customer is offered a person or to stop.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The dialog that hands the customer to a person; started when they ask or give up.</summary>
    public string? HandoverDialogId { get; init; }

    /// <summary>The bank's time zone, used when the channel does not say the customer's.</summary>
    public TimeZoneInfo BankTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The clock; tests set a fixed one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>What the bot says on "help" when the active dialog has no help of its own.</summary>
    public string GeneralHelp { get; init; } =
        "You can ask me a question in your own words, say \"cancel\" to stop, \"start over\" to go back to the " +
        "beginning, or \"talk to a person\" at any time.";

    /// <summary>
    /// Answers a question the customer asks instead of answering a prompt ("what's an IBAN?" while asked for
    /// an amount). Called with the typed text when the prompt could not read an answer from it; returns true
    /// when it answered, and the prompt then asks its question again without counting a wrong attempt.
    /// </summary>
    public AsideHandler? Aside { get; init; }

    /// <summary>Turns replies into channel activities.</summary>
    public ReplyRenderer Renderer { get; init; } = new();
}

/// <summary>Answers a side question in the middle of a flow; true when it did.</summary>
public delegate Task<bool> AsideHandler(DialogContext dc, string text, CancellationToken cancel);
