using BankingBot.Tests.Hosting;

namespace BankingBot.Tests.WebChat;

/// <summary>The real app for a test class, with its own data folder and the settings the class gives.</summary>
public abstract class LocalBot(IDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankingbot-dl-" + Guid.NewGuid().ToString("N"));

    /// <summary>The app's base address.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running app.</summary>
    public BotProcess Process { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Process = await BotProcess.StartAsync(folder, settings);
        Address = new Uri($"http://127.0.0.1:{Process.Port}/");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The app with its default Direct Line settings.</summary>
public sealed class DefaultBot() : LocalBot();

/// <summary>The app with tokens that live 8 s and conversations dropped after 4 s idle.</summary>
public sealed class ShortLivedBot() : LocalBot(new Dictionary<string, string>
{
    ["DirectLine__TokenLifetime"] = "00:00:08",
    ["DirectLine__IdleTimeout"] = "00:00:04",
    ["DirectLine__SweepInterval"] = "00:00:00.250",
});
