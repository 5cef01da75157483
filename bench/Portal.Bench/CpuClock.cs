using System.Globalization;

namespace Portal.Bench;

/// <summary>CPU time spent by a set of processes, in nanoseconds, from Linux's /proc/&lt;pid&gt;/schedstat
/// (its first field: time on a CPU). On a shared, loaded machine wall time mostly measures waiting
/// for a core; the CPU a query costs does not depend on how many others run beside it. Counts this
/// process and, when given, a PostgreSQL server's postmaster and all its children (the backends).</summary>
public sealed class CpuClock(int? postmasterPid)
{
    /// <summary>The postmaster of the server a connection reaches, from its data directory's
    /// postmaster.pid (readable when the bench runs as root or as the server's user, as bench/search.sh does).</summary>
    public static int? PostmasterPid(string dataDirectory)
    {
        try
        {
            return int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public bool CountsServer => postmasterPid is not null;

    /// <summary>Starts a measurement; the server's processes are read before this one's, and after it
    /// at the end, so that walking /proc is not counted.</summary>
    public (long Self, long Server) Start()
    {
        var server = ServerNanoseconds();
        return (Read("self"), server);
    }

    /// <summary>CPU nanoseconds spent since <paramref name="start"/>.</summary>
    public long Elapsed((long Self, long Server) start)
    {
        var self = Read("self");
        return self - start.Self + ServerNanoseconds() - start.Server;
    }

    private long ServerNanoseconds()
    {
        if (postmasterPid is not { } server)
            return 0;
        var total = Read(server.ToString(CultureInfo.InvariantCulture));
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(directory);
            if (pid.Length > 0 && char.IsAsciiDigit(pid[0]) && ParentOf(pid) == server)
                total += Read(pid);
        }
        return total;
    }

    /// <summary>A process's schedstat counts its main thread only: sum its threads (this process runs
    /// SQLite, EF and the GC on pool threads; a PostgreSQL backend has one).</summary>
    private static long Read(string pid)
    {
        var total = 0L;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                total += ReadTask(task);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // gone meanwhile
        }
        return total;
    }

    private static long ReadTask(string task)
    {
        try
        {
            var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
            return long.Parse(fields[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0; // ended meanwhile
        }
    }

    private static int ParentOf(string pid)
    {
        try
        {
            // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }
}
