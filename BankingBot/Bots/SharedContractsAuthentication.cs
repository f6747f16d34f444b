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
/// once per process; and the clients of incoming turns are not rebuilt at all but kept from turn to turn
/// (<see cref="ReusedTurnClients"/>). Nothing else about authentication changes.
/// </summary>
public sealed class SharedContractsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    /// <summary>The contract resolver every connector client of this process uses.</summary>
    public static readonly IContractResolver SharedResolver = new ReadOnlyJsonContractResolver();

    private readonly ReusedTurnClients kept = new();

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity,
        string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = Keep(result);
        return result;
    }

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader,
        string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = Keep(result);
        return result;
    }

    /// <inheritdoc />
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Share(inner.CreateConnectorFactory(claimsIdentity))!;

    /// <inheritdoc />
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity,
        CancellationToken cancellationToken) => kept.UserTokenClientAsync(AppIdOf(claimsIdentity) ?? string.Empty,
        () => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken));

    /// <inheritdoc />
    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    /// <inheritdoc />
    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <inheritdoc />
    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader,
        CancellationToken cancellationToken) => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    // The factory of an incoming turn hands out kept clients; the one for proactive messages (CreateConnectorFactory)
    // still builds a client each time, with the shared resolver.
    private ConnectorFactory? Keep(AuthenticateRequestResult result) => Share(result.ConnectorFactory) is { } shared
        ? kept.Connectors(shared, AppIdOf(result.ClaimsIdentity))
        : null;

    // The bot app id a turn's clients are made for (a v1 token says "appid", a v2 token "azp"); none when
    // authentication is off.
    private static string? AppIdOf(ClaimsIdentity? identity) => identity?.Claims.FirstOrDefault(claim =>
        claim.Type is AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty)?.Value;

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
