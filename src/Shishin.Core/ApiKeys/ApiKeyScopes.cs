namespace Shishin.Core.ApiKeys;

/// <summary>What a key may do besides being its user: <c>read</c>, or <c>write</c> (which includes reading).</summary>
public static class ApiKeyScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    /// <summary>
    /// The stored form of a choice of scopes: <c>read</c> or <c>read write</c>, because a key that may write must be
    /// able to read what it writes. False for an empty choice or an unknown scope.
    /// </summary>
    public static bool TryNormalize(IEnumerable<string>? scopes, out string normalized)
    {
        normalized = "";
        var chosen = (scopes ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (chosen.Count == 0 || chosen.Any(s => !All.Contains(s, StringComparer.Ordinal)))
        {
            return false;
        }

        normalized = chosen.Contains(Write, StringComparer.Ordinal) ? $"{Read} {Write}" : Read;
        return true;
    }

    /// <summary>The scopes of a stored key, one by one.</summary>
    public static IReadOnlyList<string> Split(string scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
