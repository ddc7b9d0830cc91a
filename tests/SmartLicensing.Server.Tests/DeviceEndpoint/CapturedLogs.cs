using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>Keeps every log entry of the test host so tests can check what was logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new CapturedLogEntry(logLevel, eventId.Id, formatter(state, exception)));
    }
}

internal sealed record CapturedLogEntry(LogLevel Level, int EventId, string Message);
