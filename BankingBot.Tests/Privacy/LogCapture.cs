using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BankingBot.Tests.Privacy;

/// <summary>Keeps every log line (message, named fields, exception text) written through it, at every level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    /// <summary>Everything logged so far.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            capture.Lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{fields}] {exception}");
        }
    }
}
