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
