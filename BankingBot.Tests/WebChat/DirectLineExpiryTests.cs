using System.Diagnostics;
using System.Net;

namespace BankingBot.Tests.WebChat;

/// <summary>Tokens that expire and conversations dropped when idle, on an app where both happen in seconds.</summary>
public sealed class DirectLineExpiryTests(ShortLivedBot bot) : IClassFixture<ShortLivedBot>
{
    [Fact]
    public async Task ExpiredTokenIsRefusedARenewedOneWorksAndAnIdleConversationIsDropped()
    {
        // Tokens live 8 s, conversations are dropped after 4 s without a request (see ShortLivedBot).
        using var active = new DirectLineClient(bot.Address);
        using var idle = new DirectLineClient(bot.Address);
        await active.StartAsync();
        await idle.StartAsync();
        var clock = Stopwatch.StartNew();
        var firstToken = active.Token;

        // Token times are whole seconds, so a token may expire up to a second early: the active conversation
        // renews at 3 s, leaving its new token at least 7 s, well past the last check at 8.4 s.
        await UntilAsync(clock, 1);
        var idleRenewed = await RefreshAsync(idle);
        Assert.Equal(HttpStatusCode.OK, (await active.ReadAsync()).Status);

        await UntilAsync(clock, 3);
        var activeRenewed = await RefreshAsync(active);
        active.Token = activeRenewed;
        Assert.Equal(HttpStatusCode.OK, (await active.ReadAsync()).Status);

        await UntilAsync(clock, 6);
        Assert.Equal(HttpStatusCode.OK, (await active.ReadAsync()).Status);
        idle.Token = idleRenewed;
        Assert.Equal(HttpStatusCode.NotFound, (await idle.ReadAsync()).Status);

        await UntilAsync(clock, 8.4);
        active.Token = firstToken;
        Assert.Equal(HttpStatusCode.Forbidden, (await active.ReadAsync()).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await active.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", null)).Status);
        active.Token = activeRenewed;
        Assert.Equal(HttpStatusCode.OK, (await active.ReadAsync()).Status);
    }

    private static async Task<string> RefreshAsync(DirectLineClient client)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", null);
        Assert.Equal(HttpStatusCode.OK, status);
        return (string)body!["token"]!;
    }

    private static Task UntilAsync(Stopwatch clock, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }
}
