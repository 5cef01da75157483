using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>The breakdowns the yearly report needs.</summary>
public enum SupportFigureDimension
{
    ExploitationForm = 1,
    County,
    AskingOrganisationKind,
    ChildConcerned,
    ReferralTarget,
    Channel,
}

/// <summary>One breakdown for a year: a row per quarter, a column per category, and the totals (the last row is
/// the year, the last column the requests of the row). Null is a suppressed count. Categories are keys: enum
/// names, "Yes"/"No", an organisation's name for referral targets, and <see cref="SupportFigures.None"/>.</summary>
public sealed record SupportFigureTable(SupportFigureDimension Dimension, IReadOnlyList<string> Categories, IReadOnlyList<SupportFigureRow> Rows)
{
    public SupportFigureRow Year => Rows[^1];
}

/// <summary>A quarter ("Q1"…"Q4") or the year ("Year"): its counts per category and its total.</summary>
public sealed record SupportFigureRow(string Period, IReadOnlyList<int?> Counts, int? Total);

/// <summary>Time from submission to the first reply or referral, in hours; null when fewer than three requests
/// were answered in the period (a median of one or two is those requests' own times).</summary>
public sealed record SupportResponseTimes(string Period, int? Answered, double? MedianHours, double? Percentile90Hours);

/// <summary>The days the figures cover (Stockholm days, both ends included) and how they are split into rows:
/// <see cref="BucketOf"/> gives a day's row among <see cref="Buckets"/>; the total row, <see cref="TotalName"/>,
/// comes last. <see cref="RequestIds"/>, when set, limits the count to those requests.</summary>
public sealed record SupportFigureRange(DateOnly From, DateOnly To, IReadOnlyList<string> Buckets, Func<DateOnly, int> BucketOf, string TotalName,
    IReadOnlyCollection<Guid>? RequestIds = null)
{
    /// <summary>A row per calendar quarter of one year ("Q1"…"Q4").</summary>
    public static SupportFigureRange Quarters(DateOnly from, DateOnly to, string totalName, IReadOnlyCollection<Guid>? requestIds = null) =>
        new(from, to, ["Q1", "Q2", "Q3", "Q4"], day => (day.Month - 1) / 3, totalName, requestIds);

    /// <summary>Only the total row: for a period that is not a calendar year (a report's period).</summary>
    public static SupportFigureRange Whole(DateOnly from, DateOnly to, string totalName, IReadOnlyCollection<Guid>? requestIds = null) =>
        new(from, to, [], _ => -1, totalName, requestIds);
}

public sealed record SupportFigures(int Year, IReadOnlyList<SupportFigureTable> Tables, IReadOnlyList<SupportResponseTimes> ResponseTimes)
{
    public const string None = "None";
    public const string YearPeriod = "Year";
}

/// <summary>The figures of method support per quarter and year, with small counts suppressed
/// (<see cref="SmallCountSuppression"/>), and their export to CSV and Excel. For the NMT team only; every
/// viewing and export is audited. Counted by the day of submission in Stockholm; erased requests count too.</summary>
public sealed class SupportFiguresService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public const string FiguresSubjectKind = "support-figures";

    public static readonly IReadOnlyList<string> Periods = ["Q1", "Q2", "Q3", "Q4", SupportFigures.YearPeriod];

    public async Task<SupportFigures> FiguresAsync(Caller caller, int year, CancellationToken cancellationToken = default) =>
        await AuditedAsync(caller, year, SupportAuditActions.FiguresViewed, null, cancellationToken);

    /// <summary>The figures as CSV (UTF-8 with BOM, semicolons as Swedish spreadsheets expect); ".." marks a
    /// suppressed count. <paramref name="label"/> turns a dimension and key into the reader's language.</summary>
    public async Task<byte[]> ExportCsvAsync(Caller caller, int year, Func<SupportFigureDimension?, string, string>? label = null,
        CancellationToken cancellationToken = default)
    {
        var figures = await AuditedAsync(caller, year, SupportAuditActions.FiguresExported, "csv", cancellationToken);
        return SupportFiguresExport.ToCsv(figures, label ?? SupportFiguresExport.KeyLabel);
    }

    /// <summary>The figures as an Excel workbook: a sheet per breakdown and one for response times.</summary>
    public async Task<byte[]> ExportExcelAsync(Caller caller, int year, Func<SupportFigureDimension?, string, string>? label = null,
        CancellationToken cancellationToken = default)
    {
        var figures = await AuditedAsync(caller, year, SupportAuditActions.FiguresExported, "xlsx", cancellationToken);
        return SupportFiguresExport.ToExcel(figures, label ?? SupportFiguresExport.KeyLabel);
    }

    private async Task<SupportFigures> AuditedAsync(Caller caller, int year, string action, string? format, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
            throw new DomainRuleException("support.figures.year-invalid", "year");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        if (!AccessPolicy.CanSeeSupportFigures(standing))
            throw new AccessDeniedException("support.figures.denied");
        var figures = await ComputeAsync(db, year, cancellationToken);
        db.Audit(actor.MemberId, action, new SubjectRef(FiguresSubjectKind, Guid.Empty), clock.GetUtcNow(),
            format is null ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{year} {format}", caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        return figures;
    }

    private sealed record Counted(int Bucket, IReadOnlyList<string>[] Keys, double? ResponseHours);

    /// <summary>Computes the figures of a year from the database (no access check: callers check).</summary>
    internal static async Task<SupportFigures> ComputeAsync(PortalDbContext db, int year, CancellationToken cancellationToken)
    {
        var range = SupportFigureRange.Quarters(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), SupportFigures.YearPeriod);
        var (tables, times) = await ComputeAsync(db, range, cancellationToken);
        return new SupportFigures(year, tables, times);
    }

    /// <summary>Computes the figures of a date range (Stockholm days, both ends included), optionally of some
    /// requests only, a row per bucket of the range and the total last (no access check: callers check).</summary>
    internal static async Task<(IReadOnlyList<SupportFigureTable> Tables, IReadOnlyList<SupportResponseTimes> ResponseTimes)> ComputeAsync(
        PortalDbContext db, SupportFigureRange range, CancellationToken cancellationToken)
    {
        // A Stockholm day is within a day of the UTC day: read a little wider and place each by its Swedish day.
        var from = new DateTimeOffset(range.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(range.To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        var query = db.SupportRequests.AsNoTracking()
            .Include(r => r.Referrals)
            .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to);
        if (range.RequestIds is { } ids)
            query = query.Where(r => ids.Contains(r.Id));
        var requests = await query.AsSplitQuery().ToListAsync(cancellationToken);
        requests = requests.Where(r => StockholmTime.DayOf(r.SubmittedAt) is var day && day >= range.From && day <= range.To).ToList();
        var referralIds = requests.SelectMany(r => r.Referrals.Select(f => f.OrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => referralIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var dimensions = Enum.GetValues<SupportFigureDimension>();
        var counted = requests.Select(r => new Counted(
            range.BucketOf(StockholmTime.DayOf(r.SubmittedAt)),
            dimensions.Select(d => KeysOf(r, d, organisations)).ToArray(),
            r.FirstResponseAt is { } first ? (first - r.SubmittedAt).TotalHours : null)).ToList();

        var periods = range.Buckets.Append(range.TotalName).ToList();
        var tables = dimensions.Select((dimension, index) => Table(dimension, index, counted, periods)).ToList();
        // The answered counts are suppressed like a table's row, so a bucket's count is not the total's minus the others.
        var buckets = range.Buckets.Count;
        // Without buckets the one column is the total itself.
        var answered = new int[1, Math.Max(buckets, 1)];
        foreach (var c in counted.Where(c => c.ResponseHours is not null))
            answered[0, Math.Max(c.Bucket, 0)]++;
        var publishedAnswered = SmallCountSuppression.Apply(answered);
        var times = Enumerable.Range(0, buckets + 1).Select(q =>
        {
            var hours = counted.Where(c => (q == buckets || c.Bucket == q) && c.ResponseHours is not null)
                .Select(c => c.ResponseHours!.Value).Order().ToList();
            var count = publishedAnswered[0, q];
            return count is null || hours.Count < SmallCountSuppression.Threshold
                ? new SupportResponseTimes(periods[q], count, null, null)
                : new SupportResponseTimes(periods[q], count, Math.Round(Median(hours), 1), Math.Round(Percentile(hours, 0.9), 1));
        }).ToList();
        return (tables, times);
    }

    private static IReadOnlyList<string> KeysOf(SupportRequest r, SupportFigureDimension dimension, IReadOnlyDictionary<Guid, string> organisations) =>
        dimension switch
        {
            SupportFigureDimension.ExploitationForm => r.Forms.Count == 0 ? [SupportFigures.None] : r.Forms.Select(f => f.ToString()).ToList(),
            SupportFigureDimension.County => [r.County.ToString()],
            SupportFigureDimension.AskingOrganisationKind => [r.AskerOrganisationKind.ToString()],
            SupportFigureDimension.ChildConcerned => [r.ChildConcerned ? "Yes" : "No"],
            SupportFigureDimension.ReferralTarget => r.Referrals.Count == 0
                ? [SupportFigures.None]
                : r.Referrals.Select(f => organisations.TryGetValue(f.OrganisationId, out var name) ? name : f.OrganisationId.ToString()).Distinct().ToList(),
            SupportFigureDimension.Channel => [r.Channel.ToString()],
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };

    /// <summary>Every category that occurs in the year (and for the enum breakdowns every value, so the table's
    /// shape does not itself tell which categories are rare), quarters by category, then suppressed.</summary>
    private static SupportFigureTable Table(SupportFigureDimension dimension, int index, IReadOnlyList<Counted> counted, IReadOnlyList<string> periods)
    {
        IEnumerable<string> all = dimension switch
        {
            SupportFigureDimension.ExploitationForm => Enum.GetNames<Domain.Directory.ExploitationForm>().Append(SupportFigures.None),
            SupportFigureDimension.County => Enum.GetNames<Domain.Directory.County>(),
            SupportFigureDimension.AskingOrganisationKind => Enum.GetNames<Domain.Organisations.OrganisationKind>(),
            SupportFigureDimension.ChildConcerned => ["Yes", "No"],
            SupportFigureDimension.Channel => Enum.GetNames<SupportChannel>(),
            _ => counted.SelectMany(c => c.Keys[index]).Where(k => k != SupportFigures.None).Distinct()
                .Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).Append(SupportFigures.None),
        };
        var categories = all.ToList();
        var total = periods.Count - 1;
        var values = new int[periods.Count, categories.Count + 1];
        foreach (var c in counted)
        {
            foreach (var key in c.Keys[index])
            {
                var column = categories.IndexOf(key);
                if (c.Bucket >= 0)
                    values[c.Bucket, column]++;
                values[total, column]++;
            }
            if (c.Bucket >= 0)
                values[c.Bucket, categories.Count]++;
            values[total, categories.Count]++;
        }
        var published = SmallCountSuppression.ApplyWithTotals(values);
        var rows = Enumerable.Range(0, periods.Count).Select(q => new SupportFigureRow(periods[q],
            Enumerable.Range(0, categories.Count).Select(column => published[q, column]).ToList(), published[q, categories.Count])).ToList();
        return new SupportFigureTable(dimension, categories, rows);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Nearest rank: the smallest value with at least the share <paramref name="p"/> at or below it.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
