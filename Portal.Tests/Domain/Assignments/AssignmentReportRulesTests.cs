using Portal.Domain.Assignments;
using Portal.Domain.Common;

namespace Portal.Tests.Domain.Assignments;

/// <summary>A report in the aggregate alone: its period within the assignment's, its sections' texts, and the
/// freeze at submission after which nothing changes.</summary>
public sealed class AssignmentReportRulesTests
{
    private static readonly DateOnly Start = new(2017, 1, 1);
    private static readonly DateOnly End = new(2017, 12, 31);
    private static readonly DateTimeOffset Now = new(2018, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static AssignmentReport Draft(DateOnly? from = null, DateOnly? to = null) =>
        AssignmentReport.Draft(Guid.NewGuid(), Start, End, from ?? Start, to ?? End, "Redovisning 2017");

    [Fact]
    public void A_draft_covers_a_period_within_the_assignment()
    {
        var report = Draft(new DateOnly(2017, 3, 1), new DateOnly(2017, 6, 30));

        report.Status.ShouldBe(ReportStatus.Draft);
        (report.PeriodStart, report.PeriodEnd).ShouldBe((new DateOnly(2017, 3, 1), new DateOnly(2017, 6, 30)));
        report.Snapshot.ShouldBeNull();
        report.DomainEvents.OfType<AssignmentReportChanged>().ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("2016-12-31", "2017-06-30")]
    [InlineData("2017-01-01", "2018-01-01")]
    [InlineData("2018-01-01", "2018-03-01")]
    public void A_period_outside_the_assignment_is_refused(string from, string to)
    {
        Should.Throw<DomainRuleException>(() => Draft(DateOnly.Parse(from), DateOnly.Parse(to)))
            .Code.ShouldBe("report.period-outside-assignment");
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Draft(new DateOnly(2017, 6, 1), new DateOnly(2017, 5, 1)))
            .Code.ShouldBe("report.period-end-before-start");
    }

    [Fact]
    public void A_title_is_required_and_bounded()
    {
        Should.Throw<DomainRuleException>(() => AssignmentReport.Draft(Guid.NewGuid(), Start, End, Start, End, "  "))
            .Code.ShouldBe("report.title.required");
        Should.Throw<DomainRuleException>(() => AssignmentReport.Draft(Guid.NewGuid(), Start, End, Start, End, new string('x', 301)))
            .Code.ShouldBe("report.title.too-long");
    }

    [Fact]
    public void Texts_are_kept_per_section_and_a_save_moves_the_version()
    {
        var report = Draft();
        var version = report.Version;

        report.SaveText("intro", "# Inledning\n\nText.", partCount: 3);
        report.SaveText("part:2", "Del två.", partCount: 3);
        report.SaveText("intro", "Ny inledning.", partCount: 3);

        report.TextOf("intro").ShouldBe("Ny inledning.");
        report.TextOf("part:2").ShouldBe("Del två.");
        report.TextOf("closing").ShouldBe("");
        report.Texts.Count.ShouldBe(2);
        report.Version.ShouldBe(version + 3);
    }

    [Theory]
    [InlineData("part:4")]
    [InlineData("part:0")]
    [InlineData("part:02")]
    [InlineData("summary")]
    [InlineData("")]
    public void An_unknown_section_is_refused(string key)
    {
        var report = Draft();

        Should.Throw<DomainRuleException>(() => report.SaveText(key, "Text.", partCount: 3)).Code.ShouldBe("report.text.key-invalid");
        report.Texts.ShouldBeEmpty();
    }

    [Fact]
    public void A_text_over_twenty_thousand_characters_is_refused()
    {
        var report = Draft();

        report.SaveText("closing", new string('a', AssignmentReport.TextMaxLength), partCount: 1);
        Should.Throw<DomainRuleException>(() => report.SaveText("closing", new string('b', AssignmentReport.TextMaxLength + 1), partCount: 1))
            .Code.ShouldBe("report.text.too-long");
        report.TextOf("closing").ShouldStartWith("a");
    }

    [Fact]
    public void Submitting_freezes_the_content_and_refuses_every_edit_after()
    {
        var report = Draft();
        report.SaveText("intro", "Före.", partCount: 1);
        var by = Guid.NewGuid();

        report.Submit("{\"frozen\":true}", by, Now);

        report.Status.ShouldBe(ReportStatus.Submitted);
        (report.SubmittedAt, report.SubmittedBy, report.Snapshot).ShouldBe((Now, by, "{\"frozen\":true}"));
        Should.Throw<DomainRuleException>(() => report.SaveText("intro", "Efter.", partCount: 1)).Code.ShouldBe("report.submitted");
        Should.Throw<DomainRuleException>(() => report.Submit("{}", by, Now)).Code.ShouldBe("report.submitted");
        report.TextOf("intro").ShouldBe("Före.");
        report.Snapshot.ShouldBe("{\"frozen\":true}");
    }
}
