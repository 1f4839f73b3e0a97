using System.Net;
using System.Text.Json;
using Shishin.Core.Catalog;
using Shishin.Tests;

namespace Shishin.Web.Tests.Catalog;

/// <summary>The public catalogue API on the default catalogue (version 1.1.0), read by a visitor who is not signed in.</summary>
public abstract class CatalogApiTests(ShishinAppFactory app)
{
    private static readonly string[] MappingKinds = ["wcag", "jis", "ukServiceStandard", "usPlaybook", "asvs"];
    private static readonly string[] CheckTypes = ["A", "S", "H"];

    [Fact]
    public async Task Catalog_FreshInstance_HasTenPrinciplesAndCompleteBilingualCheckpoints()
    {
        using var response = await app.NewClient().GetAsync("/api/v1/catalog");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1.1.0", root.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetProperty("ja").GetString()));

        var principles = root.GetProperty("principles").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), principles.Select(p => p.GetProperty("number").GetInt32()));
        Assert.All(principles, p =>
        {
            AssertBilingual(p, "label");
            AssertBilingual(p, "title");
            AssertBilingual(p, "summary");
        });
        Assert.Equal("アクセシビリティ", principles[2].GetProperty("label").GetProperty("ja").GetString());
        Assert.Equal(["UX", "DA", "SE"], root.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.NotEmpty(root.GetProperty("parameters").EnumerateArray());

        var checkpoints = root.GetProperty("checkpoints").EnumerateArray().ToList();
        Assert.True(checkpoints.Count >= 60, $"Only {checkpoints.Count} checkpoints.");
        Assert.All(checkpoints, c =>
        {
            var id = c.GetProperty("id").GetString();
            AssertBilingual(c, "title");
            AssertBilingual(c, "guidance");
            AssertBilingual(c, "evidence");
            Assert.True(c.GetProperty("phases").GetArrayLength() > 0, $"{id} has no phases.");
            Assert.Contains(c.GetProperty("checkType").GetString(), CheckTypes);
            Assert.True(c.TryGetProperty("principle", out _) ^ c.TryGetProperty("theme", out _), $"{id} must belong to a principle or a theme.");
            var mappings = c.GetProperty("mappings");
            Assert.True(MappingKinds.Any(k => mappings.TryGetProperty(k, out var list) && list.GetArrayLength() > 0), $"{id} maps to nothing.");
        });
        Assert.All(checkpoints.Where(c => c.GetProperty("checkType").GetString() == "A"), c => Assert.True(c.GetProperty("scannerRules").GetArrayLength() > 0));
        var contrast = checkpoints.First(c => c.GetProperty("mappings").TryGetProperty("wcag", out var wcag) &&
            wcag.EnumerateArray().Any(w => w.GetProperty("criterion").GetString() == "1.4.3"));
        Assert.Contains(contrast.GetProperty("mappings").GetProperty("wcag").EnumerateArray(), w => w.GetProperty("version").GetString() == "2.0");
    }

    [Fact]
    public async Task Catalog_FormatCsv_HasTheHeaderAndOneRowPerCheckpoint()
    {
        var client = app.NewClient();
        var count = (await DocumentAsync(client)).Checkpoints.Count;

        using var response = await client.GetAsync("/api/v1/catalog?format=csv");
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var rows = CsvRows(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("shishin-catalog-1.1.0.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(CatalogCsv.Header, rows[0]);
        Assert.Equal(count, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(CatalogCsv.Header.Length, r.Count));
    }

    [Fact]
    public async Task Versions_FreshInstance_ListsThePublishedDefaultAndTheVersionBeforeIt()
    {
        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/versions"));

        var versions = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["1.1.0", "1.0.0"], versions.Select(v => v.GetProperty("version").GetString()));
        Assert.All(versions, v => Assert.Equal("published", v.GetProperty("status").GetString()));
        Assert.All(versions, v => Assert.Equal(JsonValueKind.String, v.GetProperty("publishedAt").ValueKind));
    }

    [Fact]
    public async Task Version_KnownNumber_ReturnsItAsJsonAndCsv()
    {
        var client = app.NewClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/catalog/versions/1.1.0"));
        using var csv = await client.GetAsync("/api/v1/catalog/versions/1.1.0?format=csv");

        Assert.Equal("1.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/catalog/versions/9.9.9")]
    [InlineData("/api/v1/catalog/versions/draft")]
    [InlineData("/api/v1/catalog/checkpoints?version=9.9.9")]
    [InlineData("/api/v1/catalog/diff?from=1.1.0&to=9.9.9")]
    // A NUL, which PostgreSQL refuses in a query parameter, in a repeated parameter (found by the fuzz test).
    [InlineData("/api/v1/catalog/diff?from=1.1.0&to=1.1.0&to=%25zz%00")]
    public async Task UnknownVersion_Anywhere_Returns404ProblemDetails(string path)
    {
        using var response = await app.NewClient().GetAsync(path);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Catalogue version not found", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/catalog?format=xml", null)]
    [InlineData("/api/v1/catalog/diff?from=1.1.0", "to")]
    [InlineData("/api/v1/catalog/diff", "from")]
    [InlineData("/api/v1/catalog/checkpoints?mapping=WCAG%20banana", "mapping")]
    [InlineData("/api/v1/catalog/checkpoints?principle=eleven", "principle")]
    [InlineData("/api/v1/catalog/checkpoints?principle=11", "principle")]
    [InlineData("/api/v1/catalog/checkpoints?phase=testing", "phase")]
    [InlineData("/api/v1/catalog/checkpoints?checkType=X", "checkType")]
    [InlineData("/api/v1/catalog/checkpoints?theme=ZZ", "theme")]
    public async Task BadQuery_Returns400ProblemDetails(string path, string? field)
    {
        using var response = await app.NewClient().GetAsync(path);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}.");
        }
    }

    [Fact]
    public async Task Checkpoints_NoFilter_ReturnsEveryCurrentCheckpoint()
    {
        var client = app.NewClient();
        var document = await DocumentAsync(client);

        var all = await CheckpointsAsync(client, "");

        Assert.Equal(document.Checkpoints.Where(c => !c.Retired).Select(c => c.Id), all.Select(c => c.Id));
    }

    [Theory]
    [InlineData("phase=operation")]
    [InlineData("phase=hypothesis")]
    [InlineData("checkType=A")]
    [InlineData("checkType=h")]
    [InlineData("principle=3")]
    [InlineData("theme=se")]
    [InlineData("phase=development&checkType=S&theme=UX")]
    public async Task Checkpoints_Filtered_ReturnExactlyTheMatchingOnes(string query)
    {
        var client = app.NewClient();
        var document = await DocumentAsync(client);
        var parameters = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        bool Expected(Checkpoint c) =>
            (!parameters.TryGetValue("phase", out var phase) || c.Phases.Contains(CatalogCodes.Phases[phase])) &&
            (!parameters.TryGetValue("checkType", out var type) || string.Equals(c.CheckType.ToString(), type, StringComparison.OrdinalIgnoreCase)) &&
            (!parameters.TryGetValue("principle", out var principle) || c.Principle?.ToString(System.Globalization.CultureInfo.InvariantCulture) == principle) &&
            (!parameters.TryGetValue("theme", out var theme) || string.Equals(c.Theme, theme, StringComparison.OrdinalIgnoreCase));

        var found = await CheckpointsAsync(client, query);

        var expected = document.Checkpoints.Where(c => !c.Retired && Expected(c)).Select(c => c.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < document.Checkpoints.Count, "The filter should leave some checkpoints out.");
        Assert.Equal(expected, found.Select(c => c.Id));
    }

    [Theory]
    [InlineData("1.4.3")]
    [InlineData("WCAG 1.4.3")]
    [InlineData("wcag1.4.3")]
    [InlineData("１．４．３")]
    public async Task Checkpoints_WcagMapping_ReturnOnlyThoseMappedToTheCriterion(string mapping)
    {
        var client = app.NewClient();
        var document = await DocumentAsync(client);

        var found = await CheckpointsAsync(client, "mapping=" + Uri.EscapeDataString(mapping));

        var expected = document.Checkpoints.Where(c => c.Mappings.Wcag.Any(w => w.Criterion == "1.4.3")).Select(c => c.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(c => c.Id));
        Assert.All(found, c => Assert.Contains(c.Mappings.Wcag, w => w.Criterion == "1.4.3"));
    }

    [Theory]
    [InlineData("JIS 7.1.4.3", "jis")]
    [InlineData("7.1.4.3", "jis")]
    [InlineData("UK 5", "uk")]
    [InlineData("US3", "us")]
    [InlineData("ASVS V12", "asvs")]
    [InlineData("V12", "asvs")]
    [InlineData("WCAG 2.1", "wcag21")]
    public async Task Checkpoints_OtherMappings_ReturnExactlyTheMappedOnes(string mapping, string kind)
    {
        var client = app.NewClient();
        var document = await DocumentAsync(client);
        Func<CheckpointMappings, bool> expected = kind switch
        {
            "jis" => m => m.Jis.Contains("7.1.4.3"),
            "uk" => m => m.UkServiceStandard.Contains(5),
            "us" => m => m.UsPlaybook.Contains(3),
            "asvs" => m => m.Asvs.Contains("V12"),
            _ => m => m.Wcag.Any(w => w.Version == "2.1"),
        };

        var found = await CheckpointsAsync(client, "mapping=" + Uri.EscapeDataString(mapping));

        var ids = document.Checkpoints.Where(c => !c.Retired && expected(c.Mappings)).Select(c => c.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids, found.Select(c => c.Id));
    }

    [Theory]
    [InlineData("ja", "アクセシビリティ")]
    [InlineData("ja", "あくせしびりてぃ")]
    [InlineData("en", "accessibility")]
    [InlineData("en", "ACCESSIBILITY policy")]
    [InlineData("id", "p3-01")]
    public async Task Checkpoints_TextSearch_FindsTheWordsInEitherLanguage(string language, string words)
    {
        var client = app.NewClient();

        var found = await CheckpointsAsync(client, "q=" + Uri.EscapeDataString(words));

        Assert.NotEmpty(found);
        Assert.Contains(found, c => c.Id == "P3-01");
        var firstWord = words.Split(' ')[0];
        Assert.All(found, c =>
        {
            var texts = language switch
            {
                "ja" => new[] { c.Title.Ja, c.Guidance.Ja, c.Evidence.Ja },
                "en" => [c.Title.En, c.Guidance.En, c.Evidence.En],
                _ => [c.Id],
            };
            var compare = System.Globalization.CultureInfo.InvariantCulture.CompareInfo;
            const System.Globalization.CompareOptions loose = System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreKanaType;
            Assert.Contains(texts, t => compare.IndexOf(t, firstWord, loose) >= 0);
        });
    }

    [Fact]
    public async Task Checkpoints_TextSearchWithNoMatch_ReturnsAnEmptyList()
    {
        Assert.Empty(await CheckpointsAsync(app.NewClient(), "q=" + Uri.EscapeDataString("zzqx 存在しない語")));
    }

    [Fact]
    public async Task Checkpoints_FormatCsv_HasOneRowPerFilteredCheckpoint()
    {
        var client = app.NewClient();
        var found = await CheckpointsAsync(client, "principle=5");

        using var response = await client.GetAsync("/api/v1/catalog/checkpoints?principle=5&format=csv");
        var rows = CsvRows((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(found.Select(c => c.Id), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Catalog_Current_HasThePreambleStructureAndChangelog_AndTheOldVersionHasNone()
    {
        using var current = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog"));
        using var old = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/versions/1.0.0"));
        var root = current.RootElement;

        Assert.Equal(3, root.GetProperty("preamble").GetArrayLength());
        Assert.Equal(2, root.GetProperty("purpose").GetArrayLength());
        Assert.Equal("行動規範", root.GetProperty("structure").GetProperty("principles").GetProperty("name").GetProperty("ja").GetString());
        var release = root.GetProperty("releases")[0];
        Assert.Equal(("1.1.0", "2026-12-05"), (release.GetProperty("version").GetString(), release.GetProperty("date").GetString()));
        Assert.Contains(release.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "changed" && e.GetProperty("proposal").GetString() == "check-types");
        Assert.False(old.RootElement.TryGetProperty("structure", out _));
        Assert.Equal(0, old.RootElement.GetProperty("releases").GetArrayLength());
    }

    [Fact]
    public async Task Diff_SameVersion_IsEmpty()
    {
        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/diff?from=1.1.0&to=1.1.0"));

        Assert.Equal("1.1.0", json.RootElement.GetProperty("from").GetString());
        Assert.Empty(json.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task Schema_IsTheCatalogueJsonSchema()
    {
        using var response = await app.NewClient().GetAsync("/api/v1/catalog/schema.json");
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DefaultCatalog.Schema().Trim(), (await response.Content.ReadAsStringAsync()).Trim());
        Assert.True(schema.RootElement.TryGetProperty("$schema", out _));
    }

    [Fact]
    public async Task OpenApi_ListsTheCatalogueEndpointsWithSummaries()
    {
        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/catalog", "/api/v1/catalog/versions", "/api/v1/catalog/versions/{version}", "/api/v1/catalog/checkpoints", "/api/v1/catalog/diff", "/api/v1/catalog/schema.json" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document.");
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("get").GetProperty("summary").GetString()), $"{path} has no summary.");
        }
    }

    private static void AssertBilingual(JsonElement element, string property)
    {
        var text = element.GetProperty(property);
        Assert.False(string.IsNullOrWhiteSpace(text.GetProperty("ja").GetString()), $"{property}.ja is empty in {element}");
        Assert.False(string.IsNullOrWhiteSpace(text.GetProperty("en").GetString()), $"{property}.en is empty in {element}");
    }

    private static async Task<CatalogDocument> DocumentAsync(HttpClient client) =>
        CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));

    private static async Task<List<Checkpoint>> CheckpointsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/catalog/checkpoints" + (query.Length > 0 ? "?" + query : ""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<List<Checkpoint>>(body, CatalogJson.Options)!;
    }

    /// <summary>A small RFC 4180 reader: quoted cells may hold commas, quotes and line breaks.</summary>
    internal static List<List<string>> CsvRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}

public sealed class CatalogApiTests_Sqlite(SqliteAppFactory app) : CatalogApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CatalogApiTests_Postgres(PostgresAppFactory app) : CatalogApiTests(app), IClassFixture<PostgresAppFactory>;
