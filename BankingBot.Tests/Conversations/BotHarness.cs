using BankingBot.Bots;
using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Conversations;

/// <summary>
/// The whole bot (the same wiring as the web app) on a Bot Framework <see cref="TestAdapter"/>, with records
/// in memory and a clock the test sets. Tests talk to it as a customer would.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private BotHarness(ServiceProvider services, ChannelTestAdapter adapter)
    {
        this.services = services;
        Adapter = adapter;
    }

    /// <summary>The adapter the customer's messages go through.</summary>
    public ChannelTestAdapter Adapter { get; }

    /// <summary>The bot under test.</summary>
    public IBot Bot => services.GetRequiredService<IBot>();

    /// <summary>The test's clock.</summary>
    public TestClock Clock => (TestClock)services.GetRequiredService<TimeProvider>();

    /// <summary>A service of the bot (a ticket desk, the store).</summary>
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A bot whose clock reads <paramref name="now"/> (default: a Wednesday at 10:00 in London).</summary>
    public static BotHarness Create(DateTimeOffset? now = null, IDictionary<string, string?>? settings = null,
        string channel = Channels.Test, string user = "customer-1", string? conversationId = null,
        IDocumentStore? store = null, Microsoft.Extensions.Logging.ILoggerProvider? logging = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Kind"] = "Memory" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging(builder =>
        {
            if (logging is not null)
            {
                builder.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddProvider(logging);
            }
        });
        collection.AddSingleton<IHostEnvironment>(new TestEnvironment());
        collection.AddBankingBot(configuration, new TestEnvironment());
        if (store is not null)
        {
            // Another bot of the same test (another customer, another channel) sharing this one's records.
            collection.AddSingleton(store);
        }

        var wednesdayMorning = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        collection.AddSingleton<TimeProvider>(new TestClock(now ?? wednesdayMorning));
        var conversation = conversationId ?? Guid.NewGuid().ToString("N");
        var adapter = new ChannelTestAdapter(TestAdapter.CreateConversation(conversation, user, "bot"))
        {
            Conversation = { ChannelId = channel },
        };
        return new BotHarness(collection.BuildServiceProvider(), adapter);
    }

    /// <summary>Starts a conversation that begins with the customer's message.</summary>
    public TestFlow Flow() => new(Adapter, Bot);

    /// <summary>Asks for a ticket about a card and answers its questions up to the last one (the e-mail
    /// address), not checking the replies: the conversation then waits for that last answer.</summary>
    public TestFlow TicketUpToTheLastAnswer() => Flow()
        .Send("I want to open a ticket").AssertReply(_ => { }).AssertReply(_ => { })
        .Send("a card").AssertReply(_ => { })
        .Send("My replacement card was never delivered").AssertReply(_ => { })
        .Send("normal").AssertReply(_ => { })
        .Send("no").AssertReply(_ => { });

    /// <summary>What the customer said, by the transcript in a stored conversation state, oldest first.</summary>
    public static List<string> CustomerLines(StoredDocument? state) =>
        state?.Content["transcript"]?.ToObject<Dialogs.Flows.ConversationTranscript>()?.Lines
            .Where(line => line.From == "customer").Select(line => line.Text).ToList() ?? [];

    /// <summary>What a reply says: its text, or the texts and button titles of its card.</summary>
    public static string Said(IActivity activity)
    {
        var message = (IMessageActivity)activity;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(message.Text))
        {
            parts.Add(message.Text);
        }

        foreach (var card in message.Attachments?.Select(a => a.Content as JObject).OfType<JObject>() ?? [])
        {
            parts.AddRange(card.SelectTokens("$..text").Select(t => t.ToString()));
            var facts = card.Descendants().OfType<JProperty>().Where(p => p.Name == "facts").SelectMany(p => p.Value);
            parts.AddRange(facts.Select(f => $"{f["title"]}: {f["value"]}"));
            parts.AddRange(card.SelectTokens("$.actions[*].title").Select(t => $"[{t}]"));
        }

        parts.AddRange(message.SuggestedActions?.Actions.Select(a => $"[{a.Title}]") ?? []);
        return string.Join(" | ", parts);
    }

    /// <summary>What the bot has said since the test last looked, each reply as <see cref="Said"/> gives it.</summary>
    public List<string> TakeReplies()
    {
        var said = new List<string>();
        while (Adapter.GetNextReply() is { } reply)
        {
            said.Add(Said(reply));
        }

        return said;
    }

    /// <summary>The data a card's button would send, found by its title.</summary>
    public static JObject ButtonData(IActivity activity, string title)
    {
        var card = ((IMessageActivity)activity).Attachments
            .Select(a => a.Content as JObject).First(c => c is not null)!;
        var action = card.SelectTokens("$.actions[*]").First(a => (string?)a["title"] == title);
        return (JObject)(action["data"] ?? action.SelectToken("fallback.data"))!;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => services.DisposeAsync();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "BankingBot.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => now += by;

    /// <summary>Sets the clock.</summary>
    public void Set(DateTimeOffset to) => now = to;
}
