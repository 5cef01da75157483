using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>The library's filters in the address: what is written is read back, what is not set is left
/// out, and a hand-edited address with nonsense in it shows the library rather than an error.</summary>
public sealed class DocumentLibraryAddressTests : BunitContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Every_filter_and_the_sort_survive_the_round_trip_through_the_address()
    {
        var workspace = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        var address = new DocumentLibraryAddress(
            new DocumentFilter(DocumentType.Checklist, ExploitationForm.ForcedLabour, DocumentAudience.Children, organisation, workspace),
            DocumentSort.ReviewDue);
        Navigation.NavigateTo("/documents");

        var uri = address.ToUri(Navigation);

        uri.ShouldContain("type=Checklist");
        uri.ShouldContain($"place={workspace}");
        DocumentLibraryAddress.FromUri(uri).ShouldBe(address);
    }

    [Fact]
    public void Portal_wide_only_is_its_own_place_and_the_defaults_leave_the_address_bare()
    {
        Navigation.NavigateTo("/documents?type=Manual&sort=LastPublished");
        var portalWide = new DocumentLibraryAddress(DocumentFilter.None with { PortalWideOnly = true }, DocumentSort.Title);

        var uri = portalWide.ToUri(Navigation);

        uri.ShouldEndWith("/documents?place=portal");
        DocumentLibraryAddress.FromUri(uri).ShouldBe(portalWide);
        DocumentLibraryAddress.Default.ToUri(Navigation).ShouldEndWith("/documents");
    }

    [Theory]
    [InlineData("/documents?type=99&form=nothing&audience=&org=not-a-guid&place=00000000-0000-0000-0000-000000000000&sort=Sideways")]
    [InlineData("/documents?type=%3Cscript%3E")]
    public void Nonsense_in_the_address_is_ignored(string path)
    {
        DocumentLibraryAddress.FromUri(new Uri(new Uri("http://localhost"), path).ToString()).ShouldBe(DocumentLibraryAddress.Default);
    }
}
