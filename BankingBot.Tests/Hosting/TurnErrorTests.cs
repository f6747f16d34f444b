using BankingBot.Bots;
using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BankingBot.Tests.Hosting;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task FailedTurnIsLoggedWithItsConversationAndTheCustomerIsToldPlainly()
    {
        var (adapter, log) = CreateAdapter();
        var replies = await FailTurnAsync(adapter, new InvalidOperationException("Object reference at Foo.Bar()"));

        var reply = Assert.Single(replies);
        Assert.Equal(BankAdapter.FailureMessage, reply.Text);
        Assert.DoesNotContain("Foo.Bar", reply.Text);
        var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("conversation-42", entry.Message);
    }

    [Fact]
    public async Task StorageOutageIsExplainedAsSuchWithoutTechnicalDetail()
    {
        var (adapter, _) = CreateAdapter();
        var replies = await FailTurnAsync(adapter, new StorageUnavailableException("blob endpoint timed out"));

        Assert.Equal(BankAdapter.StorageFailureMessage, Assert.Single(replies).Text);
    }

    private static (BankAdapter Adapter, ListLogger<BankAdapter> Log) CreateAdapter()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var log = new ListLogger<BankAdapter>();
        return (new BankAdapter(new ConfigurationBotFrameworkAuthentication(configuration), log), log);
    }

    private static async Task<List<Activity>> FailTurnAsync(BankAdapter adapter, Exception failure)
    {
        var replies = new List<Activity>();
        var testAdapter = new TestAdapter(TestAdapter.CreateConversation("conversation-42"));
        var activity = testAdapter.MakeActivity("hello");
        using var turn = new TurnContext(testAdapter, activity);
        turn.OnSendActivities((_, activities, _) =>
        {
            replies.AddRange(activities);
            return Task.FromResult(activities.Select(_ => new ResourceResponse("1")).ToArray());
        });
        await adapter.OnTurnError(turn, failure);
        return replies;
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Entries.Add((logLevel, formatter(state, exception)));
    }
}
