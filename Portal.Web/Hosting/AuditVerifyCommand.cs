using System.Globalization;
using Portal.Infrastructure.Auditing;

namespace Portal.Web.Hosting;

/// <summary><c>dotnet run --project Portal.Web -- verify-audit</c>: checks the audit chain against the configured
/// database, prints the result and exits 0 when intact, 1 when broken — for a scheduled check outside the
/// portal, which can also note the head's hash (ADR 0039). It neither migrates nor seeds.</summary>
public static class AuditVerifyCommand
{
    public const string Name = "verify-audit";

    public static bool IsRequested(string[] args) => args.Contains(Name, StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var result = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
        var invariant = CultureInfo.InvariantCulture;
        if (result.FirstBreak is { } broken)
            await output.WriteLineAsync(string.Format(invariant,
                "Audit chain BROKEN at sequence {0} (record {1}): {2}. {3} records checked before it; head {4} {5}.",
                broken.Sequence, broken.RecordId?.ToString() ?? "missing", broken.Fault, result.RecordsChecked,
                result.HeadSequence, result.HeadHash ?? "(unsealed)"));
        else
            await output.WriteLineAsync(string.Format(invariant, "Audit chain intact: {0} records checked; head {1} {2}.",
                result.RecordsChecked, result.HeadSequence, result.HeadHash));
        return result.IsIntact ? 0 : 1;
    }
}
