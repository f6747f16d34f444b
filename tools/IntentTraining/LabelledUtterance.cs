namespace BankingBot.Tools.IntentTraining;

/// <summary>One customer utterance and the intent it was labelled with.</summary>
/// <param name="Text">The utterance as written in the data set.</param>
/// <param name="Intent">The intent label, for example <c>card_arrival</c>.</param>
public sealed record LabelledUtterance(string Text, string Intent);
