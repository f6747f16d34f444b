using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Bench.EchoBot;

/// <summary>Says back what it was told, with how many messages the conversation has had (kept in state).</summary>
public sealed class EchoBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> turns = conversationState.CreateProperty<int>("turns");

    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext,
        CancellationToken cancellationToken)
    {
        var count = await turns.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await turns.SetAsync(turnContext, count, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text($"Echo {count}: {turnContext.Activity.Text}"),
            cancellationToken);
    }
}
