using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace BankingBot.Bots;

/// <summary>
/// The configured Bot Framework authentication, with one change to the connector clients it creates. The SDK
/// builds a new <see cref="ConnectorClient"/> for every turn, each with fresh serializer settings and so a
/// fresh contract resolver: every reply then rebuilds its serialization contracts and compiles expression
/// trees, which was most of a turn's CPU. Here every client shares one resolver, whose contracts are built
/// once per process. Nothing else about authentication changes.
/// </summary>
public sealed class SharedContractsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    /// <summary>The contract resolver every connector client of this process uses.</summary>
    public static readonly IContractResolver SharedResolver = new ReadOnlyJsonContractResolver();

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity,
        string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = Share(result.ConnectorFactory);
        return result;
    }

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader,
        string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = Share(result.ConnectorFactory);
        return result;
    }

    /// <inheritdoc />
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Share(inner.CreateConnectorFactory(claimsIdentity))!;

    /// <inheritdoc />
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity,
        CancellationToken cancellationToken) => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    /// <inheritdoc />
    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    /// <inheritdoc />
    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <inheritdoc />
    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader,
        CancellationToken cancellationToken) => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static ConnectorFactory? Share(ConnectorFactory? factory) =>
        factory is null or SharedContractsConnectorFactory ? factory : new SharedContractsConnectorFactory(factory);

    private sealed class SharedContractsConnectorFactory(ConnectorFactory inner) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience,
            CancellationToken cancellationToken)
        {
            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
            if (client is ConnectorClient connector)
            {
                connector.SerializationSettings.ContractResolver = SharedResolver;
                connector.DeserializationSettings.ContractResolver = SharedResolver;
            }

            return client;
        }
    }
}
