using Portal.Infrastructure.Features.Presence;
using Portal.Web.Features.Discussions;

namespace Portal.Tests.Web.Discussions;

public sealed class PresenceShownTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(20, 20)]
    [InlineData(21, 20)]
    [InlineData(99, 90)]
    [InlineData(100, 100)]
    [InlineData(999, 900)]
    [InlineData(5_432, 5_000)]
    public void Readers_are_counted_exactly_while_few_then_rounded_down(int reading, int shown)
    {
        var line = PresenceShown.From(new ThreadPresenceView(reading, []));

        line.Reading.ShouldBe(shown);
        line.AtLeast.ShouldBe(reading != shown);
    }

    [Fact]
    public void The_first_writers_are_named_and_the_rest_counted()
    {
        var line = PresenceShown.From(new ThreadPresenceView(9, ["Anna", "Bertil", "Cecilia", "David", "Erik"]));

        line.Writing.ShouldBe(["Anna", "Bertil", "Cecilia"]);
        line.MoreWriting.ShouldBe(2);
    }

    [Fact]
    public void A_newcomer_in_a_crowd_leaves_the_line_as_it_was()
    {
        PresenceShown.From(new ThreadPresenceView(1_234, ["Anna"]))
            .ShouldBe(PresenceShown.From(new ThreadPresenceView(1_235, ["Anna"])));
        PresenceShown.From(new ThreadPresenceView(12, []))
            .ShouldNotBe(PresenceShown.From(new ThreadPresenceView(13, [])));
    }
}
