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

    private sealed record Counted(int Quarter, IReadOnlyList<string>[] Keys, double? ResponseHours);

    /// <summary>Computes the figures of a year from the database (no access check: callers check).</summary>
    internal static async Task<SupportFigures> ComputeAsync(PortalDbContext db, int year, CancellationToken cancellationToken)
    {
        // The Stockholm year is within a day of the UTC year: read a little wider and place each by its Swedish day.
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);
        var requests = await db.SupportRequests.AsNoTracking()
            .Include(r => r.Referrals)
            .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        requests = requests.Where(r => StockholmTime.DayOf(r.SubmittedAt).Year == year).ToList();
        var referralIds = requests.SelectMany(r => r.Referrals.Select(f => f.OrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => referralIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var dimensions = Enum.GetValues<SupportFigureDimension>();
        var counted = requests.Select(r => new Counted(
            (StockholmTime.DayOf(r.SubmittedAt).Month - 1) / 3,
            dimensions.Select(d => KeysOf(r, d, organisations)).ToArray(),
            r.FirstResponseAt is { } first ? (first - r.SubmittedAt).TotalHours : null)).ToList();

        var tables = dimensions.Select((dimension, index) => Table(dimension, index, counted)).ToList();
        // The answered counts are suppressed like a table's row, so a quarter's count is not the year's minus the others.
        var answered = new int[1, 4];
        foreach (var c in counted.Where(c => c.ResponseHours is not null))
            answered[0, c.Quarter]++;
        var publishedAnswered = SmallCountSuppression.Apply(answered);
        var times = Enumerable.Range(0, 5).Select(q =>
        {
            var hours = counted.Where(c => (q == 4 || c.Quarter == q) && c.ResponseHours is not null)
                .Select(c => c.ResponseHours!.Value).Order().ToList();
            var count = publishedAnswered[0, q];
            return count is null || hours.Count < SmallCountSuppression.Threshold
                ? new SupportResponseTimes(Periods[q], count, null, null)
                : new SupportResponseTimes(Periods[q], count, Math.Round(Median(hours), 1), Math.Round(Percentile(hours, 0.9), 1));
        }).ToList();
        return new SupportFigures(year, tables, times);
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
    private static SupportFigureTable Table(SupportFigureDimension dimension, int index, IReadOnlyList<Counted> counted)
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
        var values = new int[5, categories.Count + 1];
        foreach (var c in counted)
        {
            foreach (var key in c.Keys[index])
            {
                var column = categories.IndexOf(key);
                values[c.Quarter, column]++;
                values[4, column]++;
            }
            values[c.Quarter, categories.Count]++;
            values[4, categories.Count]++;
        }
        var published = SmallCountSuppression.ApplyWithTotals(values);
        var rows = Enumerable.Range(0, 5).Select(q => new SupportFigureRow(Periods[q],
            Enumerable.Range(0, categories.Count).Select(column => published[q, column]).ToList(), published[q, categories.Count])).ToList();
        return new SupportFigureTable(dimension, categories, rows);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Nearest rank: the smallest value with at least the share <paramref name="p"/> at or below it.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
