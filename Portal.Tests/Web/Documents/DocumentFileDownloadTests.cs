using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure.Documents;
using Portal.Web.Endpoints;

namespace Portal.Tests.Web.Documents;

/// <summary>GET /documents/files/{id} over real HTTP: the file to a reader of its version with safe
/// headers, and 404 to an outsider, for a draft's file to a reader, and for an unknown id.</summary>
public sealed partial class DocumentFileDownloadTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private DocumentFileService Files => _portal.Services.GetRequiredService<DocumentFileService>();

    [Fact]
    public async Task A_reader_downloads_a_published_file_as_an_attachment_with_a_safe_name_and_no_sniffing_or_shared_caching()
    {
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(_portal.Services);
        var pdf = DocumentFileSamples.Pdf("Handbok");
        var file = await Files.UploadAsync(DocumentFileScenario.Erik, documentId, draftId, "Årsrapport – Östergötland; \"v2\".pdf", "text/html", new MemoryStream(pdf));
        await DocumentFileScenario.PublishAsync(_portal.Services, documentId, draftId);
        using var client = await SignedInAsync(DocumentFileScenario.Karin);

        using var response = await client.GetAsync(DocumentFileEndpoints.LinkTo(file.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.GetValues("Content-Disposition").Single();
        disposition.ShouldBe("attachment; filename=\"Arsrapport _ Ostergotland; _v2_.pdf\"; " +
            "filename*=UTF-8''%C3%85rsrapport%20%E2%80%93%20%C3%96sterg%C3%B6tland%3B%20_v2_.pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Årsrapport – Östergötland; _v2_.pdf");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.NoStore.ShouldBeTrue();
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task An_outsider_a_reader_asking_for_a_draft_file_and_an_unknown_id_all_get_404()
    {
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(_portal.Services);
        var published = await Files.UploadAsync(DocumentFileScenario.Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await DocumentFileScenario.PublishAsync(_portal.Services, documentId, draftId);
        var nextDraft = await DocumentFileScenario.StartDraftAsync(_portal.Services, documentId);
        var draftFile = await Files.UploadAsync(DocumentFileScenario.Erik, documentId, nextDraft, "Bilaga.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Bilaga")));
        using var outsider = await SignedInAsync(DocumentFileScenario.Fatima);
        using var reader = await SignedInAsync(DocumentFileScenario.Karin);
        using var editor = await SignedInAsync(DocumentFileScenario.Erik);

        (await outsider.GetAsync(DocumentFileEndpoints.LinkTo(published.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync(DocumentFileEndpoints.LinkTo(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reader.GetAsync(DocumentFileEndpoints.LinkTo(draftFile.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.GetAsync(DocumentFileEndpoints.LinkTo(draftFile.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_gets_no_file()
    {
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(_portal.Services);
        var file = await Files.UploadAsync(DocumentFileScenario.Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        using var client = NewClient();

        using var response = await client.GetAsync(DocumentFileEndpoints.LinkTo(file.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    [Theory]
    [InlineData("a\r\nSet-Cookie: x=1.pdf")]
    [InlineData("a\"; filename=evil.exe.pdf")]
    [InlineData("a\\\" b.pdf")]
    public void No_name_can_end_the_header_or_add_a_parameter(string name)
    {
        var header = DocumentFileEndpoints.ContentDisposition(name);

        header.ShouldNotContain("\r");
        header.ShouldNotContain("\n");
        // Exactly the two parameters: the quoted fallback holds no quote of its own.
        Regex.Matches(header, "\"").Count.ShouldBe(2);
        header.ShouldStartWith("attachment; filename=\"");
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _url };

    private async Task<HttpClient> SignedInAsync(Guid memberId)
    {
        var client = NewClient();
        var page = await client.GetStringAsync("/account/signin");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var signIn = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = memberId.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
