namespace BankingBot;

/// <summary>
/// On a single core, socket work runs on the thread that saw it complete instead of being handed to the thread
/// pool: with one core there is nothing to run in parallel, and each hand-over is a thread switch (a tenth of a
/// turn's CPU in the benchmark). With more cores the hand-overs keep long turns from holding up the sockets, so
/// the default stays. <c>Hosting:InlineCompletions</c> (true or false) overrides the choice.
/// </summary>
public static class SingleCoreHosting
{
    // Read by the runtime once, when the process first uses a socket asynchronously.
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Sets Kestrel and the runtime's sockets to run completions inline when the settings ask for it or
    /// the process has one core; call before anything opens a socket. Returns whether it did.</summary>
    public static bool UseInlineCompletions(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration["Hosting:InlineCompletions"];
        bool inline;
        if (string.IsNullOrWhiteSpace(setting))
        {
            inline = Environment.ProcessorCount == 1;
        }
        else if (!bool.TryParse(setting, out inline))
        {
            throw new InvalidOperationException(
                $"Hosting:InlineCompletions is '{setting}': it must be true, false, or empty (on with one core).");
        }

        if (!inline)
        {
            return false;
        }

        // The bot never blocks a thread on a socket (no sync-over-async), which running inline requires.
        Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        webHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        return true;
    }
}
