using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;
using Portal.Web.Resources;

namespace Portal.Tests.Web.RateLimits;

/// <summary>Every kind of write that a feature registers has its refusal in words, so the member reads
/// why beside the form instead of the generic "could not be done".</summary>
public sealed class WriteLimitTextTests
{
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Every_registered_write_kind_has_a_refusal_text(string culture)
    {
        using var infrastructure = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" })
            .BuildServiceProvider();
        var kinds = infrastructure.GetServices<WriteKindDefinition>().Select(k => k.Kind).ToList();
        var localizer = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), infrastructure.GetRequiredService<ILoggerFactory>()).Create(typeof(ErrorText));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            kinds.ShouldContain("post");
            kinds.ShouldContain("update");
            kinds.Where(kind => localizer[WriteLimiter.RefusalCode(kind)].ResourceNotFound).ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
