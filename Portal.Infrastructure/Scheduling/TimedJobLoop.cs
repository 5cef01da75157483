using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Scheduling;

/// <summary>Looks for due timed jobs every <see cref="TimedJobOptions.PollInterval"/> for the life of the process.</summary>
public sealed class TimedJobLoop(TimedJobScheduler scheduler, TimedJobOptions options, TimeProvider clock,
    ILogger<TimedJobLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The timed-job scheduler failed a round; it tries again at the next poll");
                await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
