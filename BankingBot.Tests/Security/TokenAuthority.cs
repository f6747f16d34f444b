using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace BankingBot.Tests.Security;

/// <summary>
/// Stands in for the Bot Framework's token authority: an OpenID metadata document and signing keys served over
/// HTTPS on a loopback port (with a certificate the bot process is told to trust through SSL_CERT_FILE), and
/// tokens signed with its key, so the SDK's real validation code runs against them.
/// </summary>
public sealed class TokenAuthority : IAsyncDisposable
{
    /// <summary>The issuer the Bot Framework channels use.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication app;
    private readonly RSA signingKey = RSA.Create(2048);
    private readonly string certificateFile;

    private TokenAuthority(WebApplication app, string certificateFile)
    {
        this.app = app;
        this.certificateFile = certificateFile;
    }

    /// <summary>The metadata document's address.</summary>
    public string MetadataUrl { get; private set; } = string.Empty;

    /// <summary>A PEM file holding the HTTPS certificate, for SSL_CERT_FILE.</summary>
    public string TrustedCertificates => certificateFile;

    /// <summary>The key id of the authority's signing key.</summary>
    public string KeyId { get; } = "test-key-1";

    /// <summary>Starts the authority on a free loopback port.</summary>
    public static async Task<TokenAuthority> StartAsync()
    {
        using var tlsKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", tlsKey, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var pfx = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        var certificateFile = Path.Combine(Path.GetTempPath(), $"bankingbot-authority-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(pfx)));
        var app = builder.Build();
        var authority = new TokenAuthority(app, certificateFile);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest http) => Results.Json(Metadata(http.Host)));
        app.MapGet("/v1/keys", () => Results.Json(new { keys = new[] { authority.PublicJwk() } }));
        await app.StartAsync();
        authority.MetadataUrl = $"{app.Urls.First()}/v1/.well-known/openidconfiguration";
        return authority;
    }

    /// <summary>A token as a channel would send it, with each part changeable to make it wrong.</summary>
    public string Token(string audience, string serviceUrl, string issuer = ChannelIssuer,
        TimeSpan? validFor = null, RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var lifetime = validFor ?? TimeSpan.FromMinutes(30);
        var expires = lifetime > TimeSpan.Zero ? now + lifetime : now.AddMinutes(-10);
        var notBefore = lifetime > TimeSpan.Zero ? now.AddMinutes(-1) : now.AddMinutes(-40);
        var key = new RsaSecurityKey(signWith ?? signingKey) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        var handler = new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.WriteToken(handler.CreateToken(descriptor));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        signingKey.Dispose();
        File.Delete(certificateFile);
    }

    private static Dictionary<string, object> Metadata(HostString host) => new()
    {
        ["issuer"] = ChannelIssuer,
        ["authorization_endpoint"] = $"https://{host}/authorize",
        ["jwks_uri"] = $"https://{host}/v1/keys",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private Dictionary<string, object> PublicJwk()
    {
        var parameters = signingKey.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new[] { "msteams", "webchat", "emulator", "directline", "facebook" },
        };
    }
}
