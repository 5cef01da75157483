using System.Text.RegularExpressions;

namespace Portal.Circuits;

/// <summary>The few selectors the scenarios need, in CSS form: a tag, an id, one attribute (with or
/// without a value), and Playwright's <c>:has-text("…")</c> — for example
/// <c>button[data-testid=send-post]</c>, <c>#composer-heading</c>, <c>button:has-text("Skicka")</c>.</summary>
public sealed partial record Selector(string? Tag, string? Id, string? Attribute, string? Value, string? HasText)
{
    public static Selector Parse(string selector)
    {
        var match = Grammar().Match(selector.Trim());
        if (!match.Success)
            throw new ArgumentException($"Unsupported selector '{selector}': use tag, #id, [attribute=value] and :has-text(\"…\").", nameof(selector));
        string? Group(string name) => match.Groups[name].Success ? match.Groups[name].Value : null;
        return new Selector(Group("tag"), Group("id"), Group("attribute"), Group("value"), Group("text"));
    }

    public bool Matches(ElementNode element) =>
        (Tag is null || string.Equals(element.TagName, Tag, StringComparison.OrdinalIgnoreCase))
        && (Id is null || element.Attribute("id") == Id)
        && (Attribute is null || (Value is null ? element.Attributes.ContainsKey(Attribute) : element.Attribute(Attribute) == Value))
        && (HasText is null || element.Text.Contains(HasText, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("""^(?<tag>[a-zA-Z][\w-]*)?(?:\#(?<id>[\w-]+))?(?:\[(?<attribute>[\w:-]+)(?:=(?<q>["']?)(?<value>[^"'\]]*)\k<q>)?\])?(?::has-text\((?<tq>["'])(?<text>.*)\k<tq>\))?$""")]
    private static partial Regex Grammar();
}
