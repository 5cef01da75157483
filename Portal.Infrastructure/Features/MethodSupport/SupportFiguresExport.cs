using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>Writes already suppressed figures to CSV and to an Excel workbook (Open XML SDK). Nothing here
/// computes or un-suppresses anything: a suppressed count is written as <see cref="SuppressedMark"/>.</summary>
public static class SupportFiguresExport
{
    /// <summary>The mark official Swedish statistics use for a figure withheld.</summary>
    public const string SuppressedMark = "..";

    /// <summary>The default label: the key itself (the UI passes one in the reader's language).</summary>
    public static string KeyLabel(SupportFigureDimension? dimension, string key) => dimension is null ? key : key;

    public static byte[] ToCsv(SupportFigures figures, Func<SupportFigureDimension?, string, string> label)
    {
        var csv = new StringBuilder();
        foreach (var row in Sheets(figures, label).SelectMany(sheet => sheet.Rows.Append([])))
            csv.Append(string.Join(';', row.Select(Csv))).Append("\r\n");
        var preamble = Encoding.UTF8.GetPreamble();
        return [.. preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] ToExcel(SupportFigures figures, Func<SupportFigureDimension?, string, string> label)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in Sheets(figures, label))
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var values in sheet.Rows)
                {
                    var row = new Row();
                    foreach (var value in values)
                        row.Append(Cell(value));
                    data.Append(row);
                }
                worksheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    SheetId = sheetId++,
                    Name = SheetName(sheet.Name, sheetId),
                });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private sealed record ExportSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

    /// <summary>The same rows for both formats: a title row, a header, a row per quarter and the year.</summary>
    private static IEnumerable<ExportSheet> Sheets(SupportFigures figures, Func<SupportFigureDimension?, string, string> label)
    {
        var year = figures.Year.ToString(CultureInfo.InvariantCulture);
        foreach (var table in figures.Tables)
        {
            var name = label(null, table.Dimension.ToString());
            var rows = new List<IReadOnlyList<object?>>
            {
                new object?[] { $"{name} {year}" },
                new object?[] { label(null, "Period") }.Concat(table.Categories.Select(c => (object?)label(table.Dimension, c)))
                    .Append(label(null, "Total")).ToList(),
            };
            rows.AddRange(table.Rows.Select(r => (IReadOnlyList<object?>)new object?[] { label(null, r.Period) }
                .Concat(r.Counts.Select(Count)).Append(Count(r.Total)).ToList()));
            yield return new ExportSheet(name, rows);
        }
        var times = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{label(null, "ResponseTimes")} {year}" },
            new object?[] { label(null, "Period"), label(null, "Answered"), label(null, "MedianHours"), label(null, "Percentile90Hours") },
        };
        times.AddRange(figures.ResponseTimes.Select(t => (IReadOnlyList<object?>)new object?[]
        {
            label(null, t.Period), Count(t.Answered), t.MedianHours is { } m ? m : SuppressedMark, t.Percentile90Hours is { } p ? p : SuppressedMark,
        }));
        yield return new ExportSheet(label(null, "ResponseTimes"), times);
    }

    private static object? Count(int? count) => count is { } value ? value : SuppressedMark;

    private static string Csv(object? value) => value switch
    {
        null => "",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text)
    {
        // A cell starting with =, +, - or @ would be a formula in a spreadsheet: quote it as text.
        if (text.Length > 0 && "=+-@".Contains(text[0]))
            text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    private static Cell Cell(object? value) => value switch
    {
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? "")) },
    };

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\ , and unique.</summary>
    private static string SheetName(string name, uint number)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        var suffix = $" {number - 1}";
        return (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
    }
}
