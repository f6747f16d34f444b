using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace BankingBot.Bots;

/// <summary>
/// The clients a turn needs to reply, kept from one turn to the next. CloudAdapter asks for a new connector
/// client and a new user token client on every turn and disposes both when the turn ends; building them costs
/// more than the reply itself (an HttpClient with its default headers, found by reflection, serializer
/// settings, credentials). Here each is built once per bot app id, service URL and audience, and handed out
/// again, so a turn reuses the client, its HttpClient and its connection pool. The old BotFrameworkAdapter kept
/// its connector clients the same way.
/// </summary>
internal sealed class ReusedTurnClients
{
    // Service URLs come from channels, so there are few of them; past this many (a misbehaving caller with
    // authentication off, say) turns get a client of their own again, disposed after the turn as before.
    private const int MaxClients = 64;

    // A kept client is replaced after a while so that its HttpClient picks up a fresh handler (and DNS) from the
    // factory. The replaced one is not disposed, since a turn may still be using it; nothing in it needs disposing
    // (the factory owns the handlers).
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Kept<IConnectorClient>>
        connectors = new();

    private readonly ConcurrentDictionary<string, Kept<UserTokenClient>> userTokens = new(StringComparer.Ordinal);

    /// <summary>A factory that hands out this process's kept connector clients for the given bot app id.</summary>
    public ConnectorFactory Connectors(ConnectorFactory inner, string? appId) =>
        new KeptConnectorFactory(this, inner, appId);

    /// <summary>The kept user token client for the app id, made by <paramref name="create"/> when missing.</summary>
    public async Task<UserTokenClient> UserTokenClientAsync(string appId, Func<Task<UserTokenClient>> create)
    {
        if (userTokens.TryGetValue(appId, out var kept) && kept.Fresh)
        {
            return kept.Client;
        }

        var client = await create();
        if (userTokens.Count >= MaxClients && !userTokens.ContainsKey(appId))
        {
            return client;
        }

        var shared = new KeptUserTokenClient(client);
        userTokens[appId] = new Kept<UserTokenClient>(shared);
        return shared;
    }

    private sealed record Kept<T>(T Client)
    {
        private readonly DateTime made = DateTime.UtcNow;

        public bool Fresh => DateTime.UtcNow - made < Lifetime;
    }

    private sealed class KeptConnectorFactory(ReusedTurnClients owner, ConnectorFactory inner, string? appId)
        : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience,
            CancellationToken cancellationToken)
        {
            var key = (appId, serviceUrl, audience);
            if (owner.connectors.TryGetValue(key, out var kept) && kept.Fresh)
            {
                return kept.Client;
            }

            var made = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
            if (made is not ConnectorClient connector
                || (owner.connectors.Count >= MaxClients && !owner.connectors.ContainsKey(key)))
            {
                return made;
            }

            // The made client would dispose its HttpClient with itself; the kept one takes the HttpClient over
            // and never disposes anything, and the made one is dropped undisposed.
            var shared = new KeptConnectorClient(connector.BaseUri, connector.Credentials, connector.HttpClient);
            owner.connectors[key] = new Kept<IConnectorClient>(shared);
            return shared;
        }
    }

    // Still a ConnectorClient, so that code that looks for one (TeamsInfo) works as before.
    private sealed class KeptConnectorClient : ConnectorClient
    {
        public KeptConnectorClient(Uri baseUri, ServiceClientCredentials credentials, HttpClient httpClient)
            : base(baseUri, credentials, httpClient, disposeHttpClient: false)
        {
            SerializationSettings.ContractResolver = SharedContractsAuthentication.SharedResolver;
            DeserializationSettings.ContractResolver = SharedContractsAuthentication.SharedResolver;
        }

        // CloudAdapter disposes the turn's client when the turn ends; this one serves the next turns.
        protected override void Dispose(bool disposing)
        {
        }
    }

    private sealed class KeptUserTokenClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId,
            string magicCode, CancellationToken cancellationToken) =>
            inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity,
            string finalRedirect, CancellationToken cancellationToken) =>
            inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId,
            CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter,
            CancellationToken cancellationToken) =>
            inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName,
            string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId,
            TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        // CloudAdapter disposes the turn's client when the turn ends; this one serves the next turns.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
