using Portal.Infrastructure.WriteLimits;

namespace Portal.Tests.Infrastructure.WriteLimits;

/// <summary>How configured overrides reach the registered kinds: a setting is found whatever the case of
/// its name (configuration keys are case-insensitive), and a name that matches no kind stops start-up.</summary>
public sealed class WriteLimitSettingsTests
{
    private static readonly WriteKindDefinition[] Kinds =
        [new("post", new WriteLimit(10, TimeSpan.FromMinutes(1))), new("update", new WriteLimit(5, TimeSpan.FromMinutes(1)))];

    [Fact]
    public void A_setting_spelled_with_other_case_overrides_its_kind_even_in_a_case_sensitive_dictionary()
    {
        var settings = new WriteLimitSettings
        {
            Writes = new Dictionary<string, WriteLimitSetting>(StringComparer.Ordinal) { ["Post"] = new() { Limit = 3 } },
        };

        var limiter = new WriteLimiter(Kinds, settings);

        Assert.Equal(new WriteLimit(3, TimeSpan.FromMinutes(1)), limiter.For("post"));
        Assert.Equal(new WriteLimit(5, TimeSpan.FromMinutes(1)), limiter.For("update"));
    }

    [Fact]
    public void A_setting_for_a_kind_that_does_not_exist_is_refused_at_start()
    {
        var settings = new WriteLimitSettings { Writes = { ["posts"] = new() { Limit = 3 } } };

        var error = Assert.Throws<InvalidOperationException>(() => new WriteLimiter(Kinds, settings));

        Assert.Contains("posts", error.Message, StringComparison.Ordinal);
    }
}
