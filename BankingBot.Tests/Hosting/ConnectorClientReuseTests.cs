using System.Security.Claims;
using BankingBot.Bots;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;

namespace BankingBot.Tests.Hosting;

public sealed class ConnectorClientReuseTests
{
    [Fact]
    public async Task EveryTurnsConnectorClientSharesOneContractResolver()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var authentication =
            new SharedContractsAuthentication(new ConfigurationBotFrameworkAuthentication(configuration));
        var factory = authentication.CreateConnectorFactory(new ClaimsIdentity());

        var first = (ConnectorClient)await factory.CreateAsync("http://127.0.0.1:9/", null!, default);
        var second = (ConnectorClient)await factory.CreateAsync("http://127.0.0.1:9/", null!, default);

        Assert.NotSame(first, second);
        Assert.Same(SharedContractsAuthentication.SharedResolver, first.SerializationSettings.ContractResolver);
        Assert.Same(SharedContractsAuthentication.SharedResolver, second.DeserializationSettings.ContractResolver);
    }
}
