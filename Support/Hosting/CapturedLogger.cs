using Microsoft.Extensions.Logging;

namespace BddWs.Hosting;

/// <summary>One category's logger: each line as <c>12:00:01.234 warn Orders.OrderBook: the message</c>, with its exception's message if any.</summary>
internal sealed class CapturedLogger(CapturedLog log, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (exception is not null)
        {
            message = $"{message} ({exception.GetType().Name}: {exception.Message})";
        }

        log.Add($"{DateTime.Now:HH:mm:ss.fff} {Level(logLevel)} {category}: {message}");
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
