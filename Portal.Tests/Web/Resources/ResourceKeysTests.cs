using System.Xml.Linq;

namespace Portal.Tests.Web.Resources;

/// <summary>Every UI string exists in Swedish (Name.resx, the default) and in English (Name.en.resx),
/// with a text in each: a key missing in one language shows the bare key to the member.</summary>
public sealed class ResourceKeysTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "Portal.Web", "Resources");

    [Fact]
    public void Every_resource_file_has_its_Swedish_and_English_counterpart()
    {
        var files = System.IO.Directory.GetFiles(Folder, "*.resx").Select(f => Path.GetFileName(f)).ToHashSet();
        var areas = files.Select(Area).Distinct().ToList();

        areas.ShouldNotBeEmpty();
        areas.SelectMany(area => new[] { area + ".resx", area + ".en.resx" })
            .Where(name => !files.Contains(name))
            .ShouldBeEmpty("missing resource files");
        files.Where(name => !name.EndsWith(".en.resx") && name.Count(c => c == '.') > 1)
            .ShouldBeEmpty("only Swedish (Name.resx) and English (Name.en.resx) are served");
    }

    [Fact]
    public void Every_key_exists_in_both_languages_with_a_text()
    {
        var problems = new List<string>();
        foreach (var swedishFile in System.IO.Directory.GetFiles(Folder, "*.resx").Where(f => !f.EndsWith(".en.resx")))
        {
            var area = Area(Path.GetFileName(swedishFile));
            var englishFile = Path.Combine(Folder, area + ".en.resx");
            if (!File.Exists(englishFile))
                continue; // reported by the test above
            var swedish = Entries(swedishFile);
            var english = Entries(englishFile);
            problems.AddRange(swedish.Keys.Except(english.Keys).Select(key => $"{area}: '{key}' has no English text"));
            problems.AddRange(english.Keys.Except(swedish.Keys).Select(key => $"{area}: '{key}' has no Swedish text"));
            problems.AddRange(swedish.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{area}: '{e.Key}' is empty in Swedish"));
            problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{area}: '{e.Key}' is empty in English"));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_marker_type_has_its_resource_files()
    {
        var markers = typeof(Portal.Web.Resources.SharedText).Assembly.GetTypes()
            .Where(t => t.Namespace == "Portal.Web.Resources" && t.IsClass && t.Name.EndsWith("Text"))
            .Select(t => t.Name)
            .ToList();

        markers.ShouldContain("SharedText");
        markers.Where(name => !File.Exists(Path.Combine(Folder, name + ".resx")) || !File.Exists(Path.Combine(Folder, name + ".en.resx")))
            .ShouldBeEmpty("marker types without their resource files");
    }

    private static string Area(string fileName) => fileName.Split('.')[0];

    private static Dictionary<string, string> Entries(string file)
    {
        var entries = new Dictionary<string, string>();
        foreach (var data in XDocument.Load(file).Root!.Elements("data"))
        {
            // Only strings: a typed entry (an icon, say) is no UI text.
            if (data.Attribute("type") is not null)
                continue;
            entries[(string)data.Attribute("name")!] = (string?)data.Element("value") ?? "";
        }
        return entries;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("The tests run from a build inside the repository, which holds Portal.sln.");
    }
}
