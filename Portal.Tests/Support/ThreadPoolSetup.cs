using System.Runtime.CompilerServices;

namespace Portal.Tests.Support;

/// <summary>Gives the test process enough thread-pool threads from the start. bUnit's WaitFor* and Click block
/// a thread while they wait, and on a 2-core machine the pool starts with two: a few bUnit tests running
/// beside a browser test (whose portal runs in this same process) starve the timers and circuits they all
/// wait on, and the pool grows too slowly to catch up. The checks themselves are unchanged.</summary>
internal static class ThreadPoolSetup
{
    private const int MinimumThreads = 64;

    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(completionPorts, MinimumThreads));
    }
}
