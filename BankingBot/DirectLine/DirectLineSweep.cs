namespace BankingBot.DirectLine;

/// <summary>
/// Drops idle conversations of the local Direct Line every <see cref="DirectLineSettings.SweepInterval"/>.
/// </summary>
public sealed partial class DirectLineSweep(DirectLineConversations conversations, DirectLineSettings settings,
    TimeProvider time, ILogger<DirectLineSweep> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var dropped = conversations.SweepIdle();
                if (dropped > 0)
                {
                    LogDropped(dropped, conversations.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Direct Line dropped {Dropped} idle conversations; {Open} still open")]
    private partial void LogDropped(int dropped, int open);
}
