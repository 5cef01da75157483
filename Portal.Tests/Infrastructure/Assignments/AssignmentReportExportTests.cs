using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Infrastructure.Features.MethodSupport;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>The Word and Excel writers over a known report content, read back with the same library: the
/// registration number on the title page, the free text as text (never markup), the figures in tables with the
/// suppressed counts as "..", the budget.</summary>
public sealed class AssignmentReportExportTests
{
    private static ReportContent Content(bool withBudget = true)
    {
        var counties = new SupportFigureTable(SupportFigureDimension.County, ["Stockholm", "Gotland"],
            [new SupportFigureRow(ReportContent.PeriodTotal, [7, null], null)]);
        var activity = new ReportActivity(Guid.NewGuid(), "Nätverksträffar för regionkoordinatorer", "Network", "Done", "Lars Persson",
            new DateOnly(2017, 2, 1), new DateOnly(2017, 11, 30), 100_000m, 85_500m, false,
            new ReportMeetings(2, 1,
                [new ReportOccasion("Nätverksdag i Malmö", MeetingKind.NetworkDay, new DateOnly(2017, 5, 10), 4, AttendanceSource.Minutes),
                    new ReportOccasion("Avstämning", MeetingKind.Meeting, new DateOnly(2017, 9, 12), 2, AttendanceSource.AcceptedReplies)],
                [new ReportOrganisationCount("Polismyndigheten", 2), new ReportOrganisationCount("Migrationsverket", 1)]),
            new ReportTrainings(1, 24, [new ReportParticipantCount(ParticipantOrganisationKind.Municipality, 24)], [new ReportCountyCount(County.Skane, 24)], 0),
            new ReportGuidance([new ReportDocument("Vägledning vid misstanke", "2.0", new DateOnly(2017, 4, 3), 17)]),
            new ReportSupport(false, [counties]));
        return new ReportContent(Guid.NewGuid(), "Ju2017/01271/PO", "Uppdrag att motverka människohandel", "Justitiedepartementet",
            new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31), new DateTimeOffset(2018, 2, 1, 10, 0, 0, TimeSpan.Zero),
            [new ReportPart(1, "Samordna arbetet mot människohandel.", [activity]), new ReportPart(2, "Utbilda.", [])], [],
            withBudget
                ? new ReportBudget(1_200_000m, 1_200_000m, 900_000m, 85_500m, 814_500m,
                    [new ReportBudgetLine(300_000m, "UO 4", "1:6", "ap.1", "Kammarkollegiet", new DateOnly(2017, 9, 15), new DateOnly(2017, 9, 1), 300_000m)])
                : null);
    }

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["intro"] = "# Bakgrund\n\nDetta är **inledningen** med en [länk](https://example.se).\n\n- första punkten\n- <script>alert(1)</script>",
        ["part:1"] = "Arbetet i del ett.",
        ["closing"] = "Slutord.",
    };

    [Fact]
    public void The_word_document_quotes_the_registration_number_and_holds_the_texts_and_figure_tables()
    {
        var bytes = ReportWordExport.ToWord(Content(), "Redovisning 2017", Texts, new ReportLabels(CultureInfo.GetCultureInfo("sv-SE")));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[0].ShouldBe("Redovisning 2017");
        paragraphs.ShouldContain("RegistrationNumber: Ju2017/01271/PO");
        paragraphs.ShouldContain("Detta är inledningen med en länk.");
        paragraphs.ShouldContain("• första punkten");
        // Markup a writer typed is text in the document, never interpreted.
        paragraphs.ShouldContain("• <script>alert(1)</script>");
        paragraphs.ShouldContain("Arbetet i del ett.");
        paragraphs.ShouldContain("Slutord.");
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading") == true)
            .Select(p => p.InnerText).ToList();
        headings.ShouldContain("Part 1");
        headings.ShouldContain("Part 2");
        headings.ShouldContain("Nätverksträffar för regionkoordinatorer");
        headings.ShouldContain("Budget");

        var cells = body.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        cells.ShouldContain("Nätverksdag i Malmö");
        cells.ShouldContain("Polismyndigheten");
        cells.ShouldContain("Kammarkollegiet");
        cells.ShouldContain("..");                                   // Gotland's suppressed count
        var countyTable = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.InnerText.Contains("Dimension.County"));
        countyTable.Descendants<TableRow>().Select(r => string.Join("|", r.Descendants<TableCell>().Select(c => c.InnerText)))
            .ShouldBe(["Dimension.County|Requests", "Stockholm|7", "Gotland|..", "Total|.."]);
        document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ShouldContain("Heading1");
    }

    [Fact]
    public void Without_a_budget_the_word_document_has_no_budget_part()
    {
        var bytes = ReportWordExport.ToWord(Content(withBudget: false), "Redovisning 2017", Texts, ReportLabels.Invariant);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("Ju2017/01271/PO");
        text.ShouldNotContain("Kammarkollegiet");
        text.ShouldNotContain("Granted");
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_figure_table_with_numbers_and_suppressed_marks()
    {
        var labels = new ReportLabels(CultureInfo.GetCultureInfo("sv-SE"), key => key == "Activities" ? "Aktiviteter" : null);
        var bytes = ReportExcelExport.ToExcel(Content(), labels);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["Aktiviteter", "Meetings", "Organisations", "Trainings", "Guidance",
            "Dimension.County", "Budget"]);
        string[][] Rows(string name)
        {
            var part = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == name).Id!);
            return part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToArray();
        }
        var activities = Rows("Aktiviteter");
        activities[0][0].ShouldStartWith("Aktiviteter Ju2017/01271/PO");
        activities[2][1].ShouldBe("Nätverksträffar för regionkoordinatorer");
        activities[2][9].ShouldBe("2");                                // meetings held, a number
        var countyPart = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "Dimension.County").Id!);
        var stockholm = countyPart.Worksheet!.Descendants<Row>().ElementAt(2).Elements<Cell>().ToList();
        stockholm[1].DataType!.Value.ShouldBe(CellValues.Number);
        stockholm[1].CellValue!.Text.ShouldBe("7");
        stockholm[2].InnerText.ShouldBe("..");
        Rows("Budget").ShouldContain(r => r.Length == 2 && r[0] == "ToRepay" && r[1] == "814500");
    }

    [Fact]
    public void Markdown_becomes_headings_items_and_paragraphs_of_plain_text()
    {
        ReportMarkdown.Blocks("## Rubrik\nrad ett\nrad två\n\n1. första\n* andra med `kod`\n\n[text](http://x)")
            .ShouldBe([
                new ReportMarkdown.Block(ReportMarkdown.BlockKind.Heading, "Rubrik", 2),
                new ReportMarkdown.Block(ReportMarkdown.BlockKind.Paragraph, "rad ett rad två"),
                new ReportMarkdown.Block(ReportMarkdown.BlockKind.Item, "första"),
                new ReportMarkdown.Block(ReportMarkdown.BlockKind.Item, "andra med kod"),
                new ReportMarkdown.Block(ReportMarkdown.BlockKind.Paragraph, "text"),
            ]);
    }
}
