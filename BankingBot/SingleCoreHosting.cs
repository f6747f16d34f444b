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
        if (!(configuration.GetValue<bool?>("Hosting:InlineCompletions") ?? Environment.ProcessorCount == 1))
        {
            return false;
        }

        // The bot never blocks a thread on a socket (no sync-over-async), which running inline requires.
        Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        webHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        return true;
    }
}
