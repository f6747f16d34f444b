using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BankingBot.Tests.Hosting;

/// <summary>What an operator can write in <c>Hosting:InlineCompletions</c>.</summary>
public sealed class InlineCompletionsSettingTests
{
    [Fact]
    public void AnUnclearSettingStopsTheStartWithAMessageNamingIt()
    {
        var builder = WebApplication.CreateBuilder();
        var settings = Settings("maybe");

        var refused = Assert.Throws<InvalidOperationException>(() => builder.WebHost.UseInlineCompletions(settings));

        Assert.Contains("Hosting:InlineCompletions is 'maybe'", refused.Message);
        Assert.Contains("true, false, or empty", refused.Message);
    }

    [Fact]
    public void FalseKeepsTheThreadPoolWhateverTheCores()
    {
        var builder = WebApplication.CreateBuilder();

        Assert.False(builder.WebHost.UseInlineCompletions(Settings("false")));
        Assert.Null(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"));
    }

    private static IConfiguration Settings(string value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Hosting:InlineCompletions"] = value })
        .Build();
}
