using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>
/// Runs work in a conversation outside a turn (a message the customer did not ask for, a staff card) and lets its
/// failure reach the caller. The adapter would otherwise hand the failure to its turn error handler, which would
/// apologise into that very conversation and hide from the caller that nothing was delivered.
/// </summary>
public static class ProactiveTurn
{
    /// <summary>Runs <paramref name="work"/> in the referenced conversation; rethrows what it threw.</summary>
    public static async Task RunAsync(BotAdapter adapter, string botAppId, ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> work, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(work);
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(botAppId, reference, async (turn, token) =>
        {
            try
            {
                await work(turn, token);
            }
            catch (Exception caught)
            {
                failure = ExceptionDispatchInfo.Capture(caught);
            }
        }, cancel);
        failure?.Throw();
    }
}
