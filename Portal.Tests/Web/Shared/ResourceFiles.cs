using System.Xml.Linq;

namespace Portal.Tests.Web.Shared;

/// <summary>The portal's resource files as they are in the repository.</summary>
internal static class ResourceFiles
{
    public static string WebFolder => Path.Combine(RepositoryRoot(), "Portal.Web", "Resources");

    /// <summary>Every .resx of the web layer and of the infrastructure (mail texts).</summary>
    public static IEnumerable<string> All() =>
        System.IO.Directory.GetFiles(WebFolder, "*.resx")
            .Concat(System.IO.Directory.GetFiles(Path.Combine(RepositoryRoot(), "Portal.Infrastructure"), "*.resx", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")));

    public static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(file).Root!.Elements("data").Where(d => d.Attribute("type") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

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
