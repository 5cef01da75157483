using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Discussions;

namespace Portal.Web.Features.Discussions;

/// <summary>The "@Eri" being typed just before the caret: where its "@" stands and what follows it.</summary>
public sealed record MentionQuery(int Start, int End, string Text);

/// <summary>A mention the composer can insert: what the editor shows and what the server reads.</summary>
public sealed record MentionChoice(string Name, string Detail, string Token)
{
    public static MentionChoice Member(Guid id, string name, string organisation) => new(name, organisation, TokenOf(name, id, "member"));

    public static MentionChoice Workspace(Guid id, string name, string detail) => new(name, detail, TokenOf(name, id, "workspace"));

    // Brackets would end the mention's name early, so they become parentheses.
    private static string TokenOf(string name, Guid id, string kind) => $"@[{Clean(name)}]({kind}:{id:D})";

    public static string Clean(string name) => name.Replace('[', '(').Replace(']', ')');
}

/// <summary>The editor shows a mention as "@Erik Sandberg"; the server reads
/// <c>@[Erik Sandberg](member:GUID)</c> (<see cref="PostBody.MentionPattern"/>). This remembers the
/// mentions picked (or found in a text being edited) and turns one form into the other. A shown
/// mention whose name is changed in the editor is plain text again.</summary>
public sealed partial class MentionText
{
    // "@Erik Sandberg" -> "@[Erik Sandberg](member:…)"
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>The server's form as the editor shows it, remembering each mention's token.</summary>
    public string Show(string? wire) =>
        PostBody.MentionPattern().Replace(wire ?? "", m =>
        {
            var shown = "@" + m.Groups["name"].Value;
            _tokens[shown] = m.Value;
            return shown;
        });

    /// <summary>The editor's text in the server's form: each remembered "@Name" standing as a whole
    /// (not followed by more letters) becomes its token again.</summary>
    public string ToWire(string? shown)
    {
        var text = shown ?? "";
        if (_tokens.Count == 0 || !text.Contains('@'))
            return text;
        var builder = new StringBuilder(text.Length + 64);
        var longestFirst = _tokens.Keys.OrderByDescending(k => k.Length).ToList();
        for (var i = 0; i < text.Length;)
        {
            var match = text[i] == '@' ? longestFirst.FirstOrDefault(k => StandsAt(text, i, k)) : null;
            if (match is null)
            {
                builder.Append(text[i++]);
                continue;
            }
            builder.Append(_tokens[match]);
            i += match.Length;
        }
        return builder.ToString();
    }

    /// <summary>Puts a picked mention in place of the query and returns the new text and caret.</summary>
    public (string Text, int Caret) Insert(string shown, MentionQuery query, MentionChoice choice)
    {
        var name = "@" + MentionChoice.Clean(choice.Name);
        _tokens[name] = choice.Token;
        var after = shown[query.End..];
        var inserted = name + (after.StartsWith(' ') ? "" : " ");
        return (shown[..query.Start] + inserted + after, query.Start + inserted.Length + (after.StartsWith(' ') ? 1 : 0));
    }

    /// <summary>The mention being typed just before <paramref name="caret"/>: an "@" at the start or
    /// after a space or bracket, then up to two words of a name. Null when there is none.</summary>
    public static MentionQuery? QueryAt(string? text, int caret)
    {
        if (string.IsNullOrEmpty(text) || caret < 1 || caret > text.Length)
            return null;
        var before = text[..caret];
        var match = QueryPattern().Match(before);
        return match.Success ? new MentionQuery(match.Groups["at"].Index, caret, match.Groups["q"].Value) : null;
    }

    private static bool StandsAt(string text, int index, string shown) =>
        string.CompareOrdinal(text, index, shown, 0, shown.Length) == 0
        && (index + shown.Length == text.Length || !char.IsLetterOrDigit(text[index + shown.Length]));

    [GeneratedRegex(@"(?:^|[\s(])(?<at>@)(?<q>[\p{L}\p{M}'.\-]{0,40}(?: [\p{L}\p{M}'.\-]{0,40})?)$", RegexOptions.RightToLeft)]
    private static partial Regex QueryPattern();
}
