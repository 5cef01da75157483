using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>Writes a report's figures as an Excel workbook (Open XML SDK): a sheet per figure table — the
/// activities, meetings held, participating organisations, trainings, guidance, each method-support breakdown,
/// and the budget when the content carries it. Counts are numbers; a suppressed count is "..".</summary>
public static class ReportExcelExport
{
    public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static byte[] ToExcel(ReportContent content, ReportLabels labels)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in Sheets(content, labels))
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var values in sheet.Rows)
                    data.Append(new Row(values.Select(Cell)));
                worksheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    SheetId = sheetId,
                    Name = SheetName(sheet.Name, sheetId, used),
                });
                sheetId++;
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The sheets, each with a title row quoting the registration number and a header row.</summary>
    public static IEnumerable<Sheet> Sheets(ReportContent content, ReportLabels labels)
    {
        var title = $"{content.RegistrationNumber} {content.PeriodStart:yyyy-MM-dd}–{content.PeriodEnd:yyyy-MM-dd}";
        var activities = content.AllActivities.ToList();
        Sheet Make(string name, IEnumerable<object?> header, IEnumerable<IEnumerable<object?>> rows) =>
            new(name, [new object?[] { $"{name} {title}" }, header.ToList(), .. rows.Select(r => (IReadOnlyList<object?>)r.ToList())]);

        yield return Make(labels["Activities"],
            [labels["Part"], labels["Activity"], labels["Kind"], labels["Status"], labels["Owner"], labels["PlannedStart"], labels["PlannedEnd"],
                labels["PlannedCost"], labels["SpentCost"], labels["MeetingsHeld"], labels["NetworkDaysHeld"], labels["TrainingsHeld"],
                labels["Participants"], labels["Documents"], labels["Requests"]],
            content.Parts.SelectMany(p => p.Activities.Select(a => (Part: (int?)p.Number, Activity: a)))
                .Concat(content.OtherActivities.Select(a => (Part: (int?)null, Activity: a)))
                .Select(x => new object?[]
                {
                    x.Part, x.Activity.Title, labels[$"ActivityKind.{x.Activity.Kind}"], labels[$"ActivityStatus.{x.Activity.Status}"], x.Activity.Owner,
                    x.Activity.PlannedStart, x.Activity.PlannedEnd, x.Activity.PlannedCost, x.Activity.SpentCost, x.Activity.Meetings.MeetingsHeld,
                    x.Activity.Meetings.NetworkDaysHeld, x.Activity.Trainings.Held, x.Activity.Trainings.Participants,
                    x.Activity.Guidance.Documents.Count, x.Activity.Support is { } s ? Count(s.Requests) : null,
                }));

        yield return Make(labels["Meetings"],
            [labels["Activity"], labels["Date"], labels["Occasion"], labels["Kind"], labels["Organisations"], labels["AttendanceSource"]],
            activities.SelectMany(a => a.Meetings.Occasions.Select(o => new object?[]
                { a.Title, o.Date, o.Title, labels[$"MeetingKind.{o.Kind}"], o.Organisations, labels[$"AttendanceSource.{o.Source}"] })));

        yield return Make(labels["Organisations"], [labels["Activity"], labels["Organisation"], labels["Occasions"]],
            activities.SelectMany(a => a.Meetings.Organisations.Select(o => new object?[] { a.Title, o.Organisation, o.Occasions })));

        yield return Make(labels["Trainings"], [labels["Activity"], labels["ParticipantKind"], labels["Participants"]],
            activities.SelectMany(a => a.Trainings.ByKind.Select(k => new object?[] { a.Title, labels[$"ParticipantKind.{k.Kind}"], k.Participants })));

        yield return Make(labels["Guidance"], [labels["Activity"], labels["Document"], labels["Version"], labels["PublishedOn"], labels["Acknowledgements"]],
            activities.SelectMany(a => a.Guidance.Documents.Select(d => new object?[] { a.Title, d.Title, d.Version, d.PublishedOn, d.Acknowledgements })));

        // One sheet per breakdown: a row per activity that counts requests, a column per category.
        var supported = activities.Where(a => a.Support is { Tables.Count: > 0 }).ToList();
        if (supported.Count > 0)
        {
            foreach (var dimension in supported[0].Support!.Tables.Select(t => t.Dimension))
            {
                var categories = supported.SelectMany(a => a.Support!.Tables.Single(t => t.Dimension == dimension).Categories).Distinct().ToList();
                yield return Make(labels[$"Dimension.{dimension}"],
                    [labels["Activity"], .. categories.Select(c => (object?)labels.Category(dimension, c)), labels["Total"]],
                    supported.Select(a =>
                    {
                        var table = a.Support!.Tables.Single(t => t.Dimension == dimension);
                        var total = table.Rows[^1];
                        return new object?[] { a.Title }
                            .Concat(categories.Select(c => table.Categories.ToList().IndexOf(c) is var i and >= 0 ? Count(total.Counts[i]) : 0))
                            .Append(Count(total.Total));
                    }));
            }
        }

        if (content.Budget is { } budget)
        {
            yield return Make(labels["Budget"],
                [labels["Amount"], labels["ExpenditureArea"], labels["Appropriation"], labels["AppropriationItem"], labels["RequisitionFrom"],
                    labels["RequisitionBy"], labels["RequisitionedOn"], labels["AmountReceived"]],
                budget.Lines.Select(l => new object?[]
                    { l.Amount, l.ExpenditureArea, l.Appropriation, l.AppropriationItem, l.RequisitionFrom, l.RequisitionBy, l.RequisitionedOn, l.AmountReceived })
                .Append([])
                .Append([labels["Granted"], budget.Granted])
                .Append([labels["Requisitioned"], budget.Requisitioned])
                .Append([labels["Received"], budget.Received])
                .Append([labels["Spent"], budget.Spent])
                .Append([labels["ToRepay"], budget.ToRepay]));
        }
    }

    private static object Count(int? count) => count is { } value ? value : ReportLabels.SuppressedMark;

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        // ISO dates as text: readable in every locale and not mistaken for a number.
        DateOnly day => Text(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    private static Cell Text(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\ , and unique.</summary>
    private static string SheetName(string name, uint number, HashSet<string> used)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        if (clean.Length > 31)
            clean = clean[..31];
        if (clean.Length == 0 || !used.Add(clean))
        {
            var suffix = $" {number}";
            clean = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
            used.Add(clean);
        }
        return clean;
    }
}
