using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Outbox;

/// <summary>Runs the dispatcher for the life of the process: at once when a local commit enqueued
/// something, otherwise every <see cref="OutboxOptions.PollInterval"/> (for messages other nodes
/// enqueued, delayed ones and retries).</summary>
public sealed class OutboxDispatcherLoop(OutboxDispatcher dispatcher, OutboxSignal signal, OutboxOptions options,
    ILogger<OutboxDispatcherLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await dispatcher.DispatchDueAsync(stoppingToken) >= options.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be down for a moment; the messages wait in it.
                logger.LogError(exception, "The outbox dispatcher failed a round; it tries again at the next poll");
            }
            if (full)
                continue;
            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
