using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Storage;

/// <summary>The conversation's transcript as the file store keeps it between turns.</summary>
public sealed class TranscriptStorageTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 5, 9, 15, 30, 123, TimeSpan.FromHours(1));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankingbot-transcript-" + Guid.NewGuid());
    private readonly FileDocumentStore documents;
    private readonly StateStorage storage;

    public TranscriptStorageTests()
    {
        documents = new FileDocumentStore(folder);
        storage = new StateStorage(documents);
    }

    [Fact]
    public async Task EachLineIsKeptAsOneStringAndComesBackAsSaid()
    {
        var transcript = new ConversationTranscript();
        transcript.Add(Morning, "customer", "My card | the one ending 4242 | was refused\nat the till 😕");
        transcript.Add(Morning.AddSeconds(1), "bot", "I'm sorry to hear that.");
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["emulator/conversations/c1"] = new Dictionary<string, object> { ["transcript"] = transcript },
        });

        var stored = await documents.ReadAsync("state/emulator/conversations/c1");
        var lines = (JArray)stored!.Content["transcript"]!["lines"]!;
        Assert.Equal("2026-12-05T09:15:30.1230000+01:00|customer|My card | the one ending 4242 | was refused\n"
            + "at the till 😕", (string?)lines[0]);

        var read = await ReadTranscriptAsync();
        Assert.Equal(transcript.Lines, read.Lines);
    }

    [Fact]
    public async Task LinesSavedAsObjectsByAnEarlierVersionAreStillRead()
    {
        // A conversation in progress when the bot was upgraded: its lines were saved as objects.
        var earlier = JObject.Parse("""
            {"transcript": {"lines": [
              {"At": "2026-12-04T17:02:11.5000000+00:00", "From": "customer", "Text": "What does APR mean?"},
              {"At": "2026-12-04T17:02:11.6000000+00:00", "From": "bot", "Text": "APR (annual percentage rate)..."}
            ], "customers": ["emulator:user-1"]}}
            """);
        await documents.WriteAsync("state/emulator/conversations/c1", earlier, WriteCondition.IfNew);

        var read = await ReadTranscriptAsync();

        Assert.Equal(
            [
                new TranscriptLine(new DateTimeOffset(2026, 12, 4, 17, 2, 11, 500, TimeSpan.Zero), "customer",
                    "What does APR mean?"),
                new TranscriptLine(new DateTimeOffset(2026, 12, 4, 17, 2, 11, 600, TimeSpan.Zero), "bot",
                    "APR (annual percentage rate)..."),
            ],
            read.Lines);
        Assert.Equal(["emulator:user-1"], read.Customers);
    }

    [Fact]
    public async Task ADamagedLineIsKeptAsItsTextAndTheRestIsRead()
    {
        // Edited by hand or damaged: the transcript only informs staff and must not stop the conversation.
        var damaged = JObject.Parse("""
            {"transcript": {"lines": [
              "customer said hello",
              {"At": "not a date", "From": "customer", "Text": "hi"},
              42,
              null,
              "2026-12-05T09:15:30.1230000+01:00|customer|I lost my card"
            ]}}
            """);
        await documents.WriteAsync("state/emulator/conversations/c1", damaged, WriteCondition.IfNew);

        var read = await ReadTranscriptAsync();

        Assert.Equal(
            [
                new TranscriptLine(default, "unknown", "customer said hello"),
                new TranscriptLine(default, "unknown", """{"At":"not a date","From":"customer","Text":"hi"}"""),
                new TranscriptLine(default, "unknown", "42"),
                new TranscriptLine(default, "unknown", string.Empty),
                new TranscriptLine(Morning, "customer", "I lost my card"),
            ],
            read.Lines);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<ConversationTranscript> ReadTranscriptAsync()
    {
        var items = await storage.ReadAsync(["emulator/conversations/c1"]);
        var state = (IDictionary<string, object>)items["emulator/conversations/c1"];
        return ((JToken)state["transcript"]).ToObject<ConversationTranscript>()!;
    }
}
