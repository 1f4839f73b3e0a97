namespace Shishin.Core.Catalog;

/// <summary>The default catalogue of the repository's <c>catalog/</c> folder, embedded in this assembly at build time.</summary>
public static class DefaultCatalog
{
    private const string Prefix = "catalog/";

    public static IReadOnlyList<(string Name, string Text)> Files()
    {
        var assembly = typeof(DefaultCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[Prefix.Length..].Replace('\\', '/'), reader.ReadToEnd());
            })];
    }

    private const string HistoryPrefix = Prefix + "history/";

    /// <summary>
    /// The earlier versions of the default catalogue, oldest first, frozen as their JSON documents in
    /// <c>catalog/history/</c> (ADR 0023): a fresh instance publishes them before the current one, and validation checks
    /// the current one against the newest of them (ids are retired, never removed).
    /// </summary>
    public static IReadOnlyList<CatalogDocument> History()
    {
        var assembly = typeof(DefaultCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(HistoryPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return CatalogJson.Deserialize(reader.ReadToEnd());
            })
            .OrderBy(d => SemanticVersion.TryParse(d.Version, out var v) ? v : default)];
    }

    /// <summary>The newest shipped version older than <paramref name="version"/>, or null.</summary>
    public static CatalogDocument? Previous(string version) =>
        SemanticVersion.TryParse(version, out var current)
            ? History().LastOrDefault(d => SemanticVersion.TryParse(d.Version, out var v) && v < current)
            : null;

    /// <summary>The JSON Schema that every catalogue file follows.</summary>
    public static string Schema()
    {
        using var stream = typeof(DefaultCatalog).Assembly.GetManifestResourceStream(Prefix + "catalog.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads and validates the default catalogue; a broken default is a build defect, so it throws.</summary>
    public static CatalogDocument Load()
    {
        var result = CatalogYamlReader.Read(Files());
        return result.Succeeded
            ? result.Document!
            : throw new InvalidOperationException("The default catalogue is invalid:\n" + string.Join('\n', result.Errors));
    }
}
