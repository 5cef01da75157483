using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Bench.Data;

/// <summary>What was generated, as JSON beside the database: the load clients read whom to sign in as,
/// which workspaces they read and which threads exist, without querying the database themselves.</summary>
public sealed record BenchManifest(int Seed, double Scale, DateTimeOffset Now, Volume Volume, Guid OpenNetworkId,
    IReadOnlyList<GeneratedOrganisation> Organisations, IReadOnlyList<GeneratedMember> Members,
    IReadOnlyList<GeneratedWorkspace> Workspaces, IReadOnlyList<GeneratedThread> Threads)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static BenchManifest Of(GeneratedWorld world) => new(world.Options.Seed, world.Options.Scale, world.Now, world.Volume,
        world.OpenNetworkId, world.Organisations, world.Members, world.Workspaces, world.Threads);

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
    }

    public static async Task<BenchManifest> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BenchManifest>(file, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is not a bench manifest.");
    }
}
