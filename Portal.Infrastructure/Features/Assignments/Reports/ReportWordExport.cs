using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Assignments;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>Writes a report as a Word document (Open XML SDK): a title page quoting the registration number,
/// the free texts (Markdown read as headings, bullet items and paragraphs — never as markup), a heading per
/// part with its activities and their figures as tables, and the budget table. Only what
/// <see cref="ReportContent"/> carries is written, so suppressed figures stay suppressed.</summary>
public static class ReportWordExport
{
    public static byte[] ToWord(ReportContent content, string title, IReadOnlyDictionary<string, string> texts, ReportLabels labels)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var writer = new Writer(body, labels);
            writer.TitlePage(content, title);
            writer.Markdown(Text(texts, AssignmentReport.IntroKey));
            foreach (var part in content.Parts)
            {
                writer.Heading(1, $"{labels["Part"]} {part.Number.ToString(CultureInfo.InvariantCulture)}");
                writer.Paragraph(part.Text, italic: true);
                writer.Markdown(Text(texts, AssignmentReport.PartKey(part.Number)));
                writer.Activities(part.Activities);
            }
            if (content.OtherActivities.Count > 0)
            {
                writer.Heading(1, labels["OtherActivities"]);
                writer.Activities(content.OtherActivities);
            }
            if (content.Budget is { } budget)
            {
                writer.Heading(1, labels["Budget"]);
                writer.Markdown(Text(texts, AssignmentReport.BudgetKey));
                writer.Budget(budget);
            }
            var closing = Text(texts, AssignmentReport.ClosingKey);
            if (closing.Length > 0)
            {
                writer.Heading(1, labels["Closing"]);
                writer.Markdown(closing);
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Text(IReadOnlyDictionary<string, string> texts, string key) => texts.TryGetValue(key, out var text) ? text : "";

    private sealed class Writer(Body body, ReportLabels labels)
    {
        private CultureInfo Culture => labels.Culture;

        public void TitlePage(ReportContent content, string title)
        {
            Styled("Title", title);
            Styled("Subtitle", content.AssignmentTitle);
            Paragraph($"{labels["RegistrationNumber"]}: {content.RegistrationNumber}", bold: true);
            Paragraph($"{labels["Ministry"]}: {content.Ministry}");
            Paragraph($"{labels["Period"]}: {Day(content.PeriodStart)} – {Day(content.PeriodEnd)}");
            Paragraph($"{labels["AssembledAt"]}: {labels.Instant(content.AssembledAt)}");
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        }

        public void Heading(int level, string text) => Styled($"Heading{level}", text);

        public void Paragraph(string text, bool bold = false, bool italic = false)
        {
            var properties = new RunProperties();
            if (bold)
                properties.Append(new Bold());
            if (italic)
                properties.Append(new Italic());
            body.Append(new Paragraph(new Run(properties, Plain(text))));
        }

        /// <summary>Markdown as a writer of a report uses it: "#" headings, "-"/"*" items, blank-line paragraphs.
        /// Emphasis markers are dropped; links keep their text. Nothing is interpreted as markup.</summary>
        public void Markdown(string markdown)
        {
            foreach (var block in ReportMarkdown.Blocks(markdown))
            {
                switch (block.Kind)
                {
                    case ReportMarkdown.BlockKind.Heading:
                        Heading(Math.Min(block.Level + 1, 3), block.Text);
                        break;
                    case ReportMarkdown.BlockKind.Item:
                        Styled("ListParagraph", "• " + block.Text);
                        break;
                    default:
                        Paragraph(block.Text);
                        break;
                }
            }
        }

        public void Activities(IReadOnlyList<ReportActivity> activities)
        {
            if (activities.Count == 0)
            {
                Paragraph(labels["NoActivities"], italic: true);
                return;
            }
            foreach (var activity in activities)
            {
                Heading(2, activity.Title);
                Table([labels["Kind"], labels["Status"], labels["Owner"], labels["Planned"], labels["PlannedCost"], labels["SpentCost"]],
                    [[labels[$"ActivityKind.{activity.Kind}"], labels[$"ActivityStatus.{activity.Status}"], activity.Owner,
                        $"{Day(activity.PlannedStart)} – {Day(activity.PlannedEnd)}", Money(activity.PlannedCost), Money(activity.SpentCost)]]);
                Meetings(activity.Meetings);
                Trainings(activity.Trainings);
                Guidance(activity.Guidance);
                if (activity.Support is { } support)
                    Support(support);
            }
        }

        private void Meetings(ReportMeetings meetings)
        {
            if (meetings.Occasions.Count == 0)
                return;
            Heading(3, labels["Meetings"]);
            Paragraph($"{labels["MeetingsHeld"]}: {Count(meetings.MeetingsHeld)}. {labels["NetworkDaysHeld"]}: {Count(meetings.NetworkDaysHeld)}.");
            Table([labels["Date"], labels["Occasion"], labels["Kind"], labels["Organisations"], labels["AttendanceSource"]],
                meetings.Occasions.Select(o => (IReadOnlyList<string>)[Day(o.Date), o.Title, labels[$"MeetingKind.{o.Kind}"], Count(o.Organisations),
                    labels[$"AttendanceSource.{o.Source}"]]).ToList());
            Table([labels["Organisation"], labels["Occasions"]],
                meetings.Organisations.Select(o => (IReadOnlyList<string>)[o.Organisation, Count(o.Occasions)]).ToList());
        }

        private void Trainings(ReportTrainings trainings)
        {
            if (trainings.Held == 0)
                return;
            Heading(3, labels["Trainings"]);
            Paragraph($"{labels["TrainingsHeld"]}: {Count(trainings.Held)}. {labels["Participants"]}: {Count(trainings.Participants)}.");
            Table([labels["ParticipantKind"], labels["Participants"]],
                trainings.ByKind.Select(k => (IReadOnlyList<string>)[labels[$"ParticipantKind.{k.Kind}"], Count(k.Participants)]).ToList());
        }

        private void Guidance(ReportGuidance guidance)
        {
            if (guidance.Documents.Count == 0)
                return;
            Heading(3, labels["Guidance"]);
            Table([labels["Document"], labels["Version"], labels["PublishedOn"], labels["Acknowledgements"]],
                guidance.Documents.Select(d => (IReadOnlyList<string>)[d.Title, d.Version, Day(d.PublishedOn), Count(d.Acknowledgements)]).ToList());
        }

        private void Support(ReportSupport support)
        {
            Heading(3, labels["Support"]);
            Paragraph($"{labels[support.AllReceived ? "SupportAllReceived" : "SupportLinked"]} {labels["Requests"]}: {Count(support.Requests)}.");
            foreach (var table in support.Tables)
            {
                var total = table.Rows[^1];
                Table([labels[$"Dimension.{table.Dimension}"], labels["Requests"]],
                    table.Categories.Select((c, i) => (IReadOnlyList<string>)[labels.Category(table.Dimension, c), Count(total.Counts[i])])
                        .Append([labels["Total"], Count(total.Total)]).ToList());
            }
            Paragraph(labels["SuppressionNote"], italic: true);
        }

        public void Budget(ReportBudget budget)
        {
            Table([labels["Granted"], labels["Requisitioned"], labels["Received"], labels["Spent"], labels["ToRepay"]],
                [[Money(budget.Granted), Money(budget.Requisitioned), Money(budget.Received), Money(budget.Spent), Money(budget.ToRepay)]]);
            if (budget.Lines.Count == 0)
                return;
            Table([labels["Amount"], labels["ExpenditureArea"], labels["Appropriation"], labels["AppropriationItem"], labels["RequisitionFrom"],
                    labels["RequisitionBy"], labels["RequisitionedOn"], labels["AmountReceived"]],
                budget.Lines.Select(l => (IReadOnlyList<string>)[Money(l.Amount), l.ExpenditureArea, l.Appropriation, l.AppropriationItem,
                    l.RequisitionFrom, Day(l.RequisitionBy), l.RequisitionedOn is { } on ? Day(on) : "", l.AmountReceived is { } r ? Money(r) : ""]).ToList());
        }

        private void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var border = () => new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
            var table = new Table(new TableProperties(border(), new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
            // The header row repeats on every page and is marked as a header for screen readers.
            var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
            headerRow.Append(header.Select(h => Cell(h, bold: true)));
            table.Append(headerRow);
            foreach (var row in rows)
                table.Append(new TableRow(row.Select(value => Cell(value, bold: false))));
            body.Append(table);
            body.Append(new Paragraph());
        }

        private static TableCell Cell(string text, bool bold) =>
            new(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), Plain(text))));

        private void Styled(string style, string text) =>
            body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(Plain(text))));

        private static Text Plain(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

        private string Day(DateOnly day) => day.ToString("d", Culture);

        private string Money(decimal amount) => amount.ToString("N0", Culture) + " kr";

        private string Count(int? count) => count is { } value ? value.ToString("N0", Culture) : ReportLabels.SuppressedMark;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            ParagraphStyle("Normal", "Normal", 22, bold: false, spaceBefore: 0),
            ParagraphStyle("Title", "Title", 48, bold: true, spaceBefore: 2400),
            ParagraphStyle("Subtitle", "Subtitle", 32, bold: false, spaceBefore: 240),
            ParagraphStyle("Heading1", "heading 1", 32, bold: true, spaceBefore: 360, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 28, bold: true, spaceBefore: 240, outline: 1),
            ParagraphStyle("Heading3", "heading 3", 24, bold: true, spaceBefore: 200, outline: 2),
            ParagraphStyle("ListParagraph", "List Paragraph", 22, bold: false, spaceBefore: 0));
        styles.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int spaceBefore, int? outline = null)
    {
        var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "120" });
        if (outline is { } level)
            paragraph.Append(new OutlineLevel { Val = level });
        var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (bold)
            run.Append(new Bold());
        OpenXmlElement[] children = id == "Normal"
            ? [new StyleName { Val = name }, paragraph, run]
            : [new StyleName { Val = name }, new BasedOn { Val = "Normal" }, paragraph, run];
        return new Style(children) { Type = StyleValues.Paragraph, StyleId = id };
    }
}
