using BankingBot.DirectLine;
using BankingBot.Tests.Conversations;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

public sealed class DirectLineConversationsTests
{
    private readonly TestClock clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly DirectLineSettings settings = new()
    {
        TokenLifetime = TimeSpan.FromHours(2),
        IdleTimeout = TimeSpan.FromMinutes(60),
        MaxActivitiesPerConversation = 3,
        MaxConversations = 50,
    };

    [Fact]
    public void TokenOpensItsOwnConversationOnly()
    {
        var conversations = Create();
        var (mine, myToken) = conversations.Open()!.Value;
        var (theirs, _) = conversations.Open()!.Value;

        Assert.Same(mine, conversations.Authorize(myToken, mine.Id).Conversation);
        Assert.Same(mine, conversations.Authorize(myToken, null).Conversation);
        Assert.Equal(403, conversations.Authorize(myToken, theirs.Id).Status);
        Assert.Equal(403, conversations.Authorize(null, mine.Id).Status);
        Assert.Equal(403, conversations.Authorize(myToken[..^2] + "xx", mine.Id).Status);
        Assert.Equal(mine.UserId, conversations.Authorize(myToken, null).Grant!.UserId);
        Assert.StartsWith("dl_", mine.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenExpiresAndARenewedOneLastsLonger()
    {
        var conversations = Create();
        var (conversation, first) = conversations.Open()!.Value;
        clock.Advance(TimeSpan.FromMinutes(100));
        var renewed = conversations.Renew(conversations.Authorize(first, null).Grant!);

        clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(403, conversations.Authorize(first, conversation.Id).Status);
        Assert.Equal(200, conversations.Authorize(renewed, conversation.Id).Status);
    }

    [Fact]
    public void SweepDropsIdleConversationsSoNoneIsHeldAfterTheyEnd()
    {
        var conversations = Create();
        var opened = Enumerable.Range(0, 40).Select(_ => conversations.Open()!.Value).ToList();
        clock.Advance(TimeSpan.FromMinutes(45));
        var (inUse, token) = opened[7];
        conversations.Authorize(token, inUse.Id);
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(39, conversations.SweepIdle());
        Assert.Equal(1, conversations.Count);
        Assert.Equal(404, conversations.Authorize(opened[0].Token, opened[0].Conversation.Id).Status);

        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, conversations.SweepIdle());
        Assert.Equal(0, conversations.Count);
    }

    [Fact]
    public void NoMoreConversationsOpenThanAllowed()
    {
        var conversations = Create();
        for (var i = 0; i < settings.MaxConversations; i++)
        {
            Assert.NotNull(conversations.Open());
        }

        Assert.Null(conversations.Open());
    }

    [Fact]
    public void ConversationKeepsItsNewestActivitiesAndWatermarksCountFromTheStart()
    {
        var conversation = new DirectLineConversation("c1", "dl_1", maxActivities: 3, clock.GetUtcNow());
        var ids = Enumerable.Range(0, 5).Select(i => conversation.Append(new JObject { ["text"] = $"m{i}" })).ToList();

        Assert.Equal("c1|0000004", ids[^1]);
        var (all, watermark) = conversation.Since(null);
        Assert.Equal(["m2", "m3", "m4"], all.Select(a => (string)a["text"]!));
        Assert.Equal(5, watermark);
        Assert.Equal(["m4"], conversation.Since(4).Activities.Select(a => (string)a["text"]!));
        Assert.Empty(conversation.Since(5).Activities);
        Assert.True(conversation.TryStart());
        Assert.False(conversation.TryStart());
    }

    [Fact]
    public async Task WaitingForActivitiesEndsWhenOneArrives()
    {
        var conversation = new DirectLineConversation("c1", "dl_1", maxActivities: 10, clock.GetUtcNow());
        var waiting = conversation.WaitForActivityAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        conversation.Append(new JObject { ["text"] = "hello" });

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(conversation.WaitForActivityAsync(0, CancellationToken.None).IsCompleted);
    }

    private DirectLineConversations Create() => new(settings, new DirectLineTokens(clock), clock);
}
