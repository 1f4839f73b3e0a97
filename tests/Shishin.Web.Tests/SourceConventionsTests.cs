using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Shishin.Web.Tests;

/// <summary>
/// Rules on the web project's source that keep it easy to find one's way (issue 11, point 18). Infrastructure/ holds
/// what every feature shares and Endpoints/ the shared <c>/api/v1</c> group and site-wide endpoints; in both, a file
/// holds one type that other files use, so a type is found by its name and a change to one type does not touch a file
/// that others are editing for another. Feature code lives with its pages (Pages/Catalog).
/// </summary>
public sealed partial class SourceConventionsTests
{
    private static readonly string WebSource = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "src", "Shishin.Web"));

    private static readonly string[] OneTypePerFileFolders = ["Infrastructure", "Endpoints"];

    [Fact]
    public void InfrastructureAndEndpoints_EachFile_DeclaresOneTopLevelType()
    {
        var files = OneTypePerFileFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(WebSource, folder), "*.cs", SearchOption.AllDirectories))
            .ToList();
        Assert.NotEmpty(files);

        var found = files
            .Select(file => (file, types: TopLevelTypes(File.ReadAllText(file))))
            .Where(f => f.types.Count > 1)
            .Select(f => $"{Path.GetRelativePath(WebSource, f.file)}: {string.Join(", ", f.types)}")
            .ToList();

        Assert.True(found.Count == 0,
            "Files under src/Shishin.Web/Infrastructure and src/Shishin.Web/Endpoints declare one top-level type each "
            + "(a helper used only inside its file may stay as a private nested type or a 'file' type). "
            + "Feature code belongs with its pages, e.g. Pages/Catalog. Give each of these types a file of its own:\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void TopLevelTypes_TwoTypesAndNestedAndFileScopedHelpers_FindsOnlyTheTwo()
    {
        const string source = """
            namespace Sample;

            /// <summary>One.</summary>
            public sealed record Dto(string Name);

            public static partial class Api
            {
                private sealed class Nested;
            }

            file static class Helper;

            internal readonly record struct Pair(int A, int B);
            """;

        Assert.Equal(["Dto", "Api", "Pair"], TopLevelTypes(source));
    }

    private static List<string> TopLevelTypes(string source) =>
        TopLevelType().Matches(source).Select(m => m.Groups["name"].Value).Distinct().ToList();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    // The project uses file-scoped namespaces (IDE0161 is a warning), so top-level declarations start at column 0 and
    // nested ones are indented. 'file'-scoped types are private to their file and are not counted.
    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|unsafe|new)\s+)*(?:record\s+(?:class|struct)|class|record|struct|interface|enum|delegate\s+[\w<>\[\]?,. ]+?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
