using System.Collections;
using System.Resources;
using Bunit;
using MudBlazor;

namespace Portal.Tests.Web.Shared;

/// <summary>MudBlazor's built-in texts speak the page's language: a Swedish page says "Rensa", not
/// "Clear", on the clear button of a field.</summary>
public sealed class MudBlazorTextTests : PortalBunitContext
{
    [Fact]
    public void A_clearable_field_on_a_Swedish_page_names_its_clear_button_in_Swedish()
    {
        var cut = Render<MudTextField<string>>(p => p
            .Add(f => f.Label, "Sök")
            .Add(f => f.Clearable, true)
            .Add(f => f.Value, "Haddad"));

        var clear = cut.Find("button.mud-input-clear-button, .mud-input-clear-button button, button[aria-label]");
        clear.GetAttribute("aria-label").ShouldBe("Rensa");
        cut.Markup.ShouldNotContain("\"Clear\"");
    }

    [Fact]
    public void A_closable_alert_on_a_Swedish_page_names_its_close_button_in_Swedish()
    {
        var cut = Render<MudAlert>(p => p
            .Add(a => a.ShowCloseIcon, true)
            .Add(a => a.CloseIconClicked, _ => { })
            .AddChildContent("Sparat"));

        cut.Find("button[aria-label]").GetAttribute("aria-label").ShouldBe("Stäng");
    }

    [Fact]
    public void Every_text_MudBlazor_has_is_in_the_portals_Swedish_and_English_resources()
    {
        var assembly = typeof(MudInput<>).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources"));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        var mudKeys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

        mudKeys.ShouldNotBeEmpty();
        foreach (var file in new[] { "MudBlazorText.resx", "MudBlazorText.en.resx" })
        {
            var ours = ResourceFiles.Entries(Path.Combine(ResourceFiles.WebFolder, file)).Keys.ToHashSet();
            mudKeys.Where(k => !ours.Contains(k)).ShouldBeEmpty($"MudBlazor texts missing in {file}");
        }
    }
}
