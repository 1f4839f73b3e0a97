using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

public sealed class CatalogDiffTests
{
    [Fact]
    public void Compare_SameCatalogue_HasNoChanges()
    {
        Assert.True(CatalogDiff.Compare(DefaultCatalog.Load(), DefaultCatalog.Load()).IsEmpty);
    }

    [Fact]
    public void Compare_ConstructedVersions_ReportsAddedRemovedAndChangedFieldByField()
    {
        var before = DefaultCatalog.Load();
        var after = CatalogJson.Clone(before);
        after.Version = "1.2.0";
        after.Changelog = new("変更", "Changes");
        var p301 = after.FindCheckpoint("P3-01")!;
        p301.Title = p301.Title with { En = "A new English title" };
        p301.Phases.Add(LifecyclePhase.Operation);
        p301.Mappings.Wcag.Add(new WcagMapping("1.4.3", "2.0"));
        after.Checkpoints.Remove(after.FindCheckpoint("UX-02")!);
        after.Checkpoints.Add(new Checkpoint
        {
            Id = "P3-99",
            Principle = 3,
            Title = new("新しい", "New"),
            Guidance = new("指針", "Guidance"),
            Evidence = new("根拠", "Evidence"),
            Phases = [LifecyclePhase.Development],
            CheckType = CheckType.H,
        });
        after.FindParameter("performance.lcp-good")!.Value = 2.0m;

        var diff = CatalogDiff.Compare(before, after);

        var changed = Assert.Single(diff.Of(CatalogDiff.CheckpointKind), c => c.Change == DiffKind.Changed);
        Assert.Equal("P3-01", changed.Key);
        var title = Assert.Single(changed.Fields, f => f.Field == "title.en");
        Assert.Equal(before.FindCheckpoint("P3-01")!.Title.En, title.Before);
        Assert.Equal("A new English title", title.After);
        Assert.DoesNotContain(changed.Fields, f => f.Field == "title.ja");
        Assert.Contains(changed.Fields, f => f.Field == "phases" && f.After!.EndsWith("operation", StringComparison.Ordinal));
        Assert.Contains(changed.Fields, f => f.Field == "mappings.wcag" && f.After!.Contains("1.4.3", StringComparison.Ordinal));
        Assert.Equal(3, changed.Fields.Count);

        var added = Assert.Single(diff.Of(CatalogDiff.CheckpointKind), c => c.Change == DiffKind.Added);
        Assert.Equal("P3-99", added.Key);
        Assert.Contains(added.Fields, f => f.Field == "title.ja" && f.Before is null && f.After == "新しい");
        Assert.Equal("UX-02", Assert.Single(diff.Of(CatalogDiff.CheckpointKind), c => c.Change == DiffKind.Removed).Key);

        var parameter = Assert.Single(diff.Of(CatalogDiff.ParameterKind));
        Assert.Equal(new FieldChange("value", "2.5", "2.0"), Assert.Single(parameter.Fields));
        Assert.Empty(diff.Of(CatalogDiff.PrincipleKind));
        Assert.Empty(diff.Of(CatalogDiff.HeaderKind));
    }

    [Fact]
    public void Compare_PrincipleBackgroundPoint_ReportsThatPointOnly()
    {
        var before = DefaultCatalog.Load();
        var after = CatalogJson.Clone(before);
        after.FindPrinciple(5)!.Background[1] = new("別の背景", "Another background");

        var change = Assert.Single(CatalogDiff.Compare(before, after).Changes);

        Assert.Equal(("principle", "5"), (change.Kind, change.Key));
        Assert.Equal(["background[1].ja", "background[1].en"], change.Fields.Select(f => f.Field));
    }
}
