using Shishin.Core.Assessments;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Assessments;

public sealed class AssessmentSummariesTests
{
    private static readonly CatalogDocument Document = new()
    {
        Principles = [new Principle { Number = 1 }, new Principle { Number = 3 }],
        Themes = [new Theme { Key = "UX" }, new Theme { Key = "SE" }],
        Checkpoints =
        [
            new Checkpoint { Id = "P1-01", Principle = 1 },
            new Checkpoint { Id = "P1-02", Principle = 1 },
            new Checkpoint { Id = "P1-03", Principle = 1 },
            new Checkpoint { Id = "P1-04", Principle = 1 },
            new Checkpoint { Id = "P1-05", Principle = 1 },
            new Checkpoint { Id = "P3-01", Principle = 3 },
            new Checkpoint { Id = "SE-01", Theme = "SE" },
            new Checkpoint { Id = "UX-01", Theme = "UX" },
        ],
    };

    private static CheckpointResult Result(string id, CheckpointOutcome? outcome, Rag? rag = null) => new() { CheckpointId = id, Outcome = outcome, Rag = rag };

    [Fact]
    public void Summarise_MixedOutcomes_CountsOnlyMetAsMetAndLeavesNotApplicableOut()
    {
        var summary = AssessmentSummaries.Summarise("P1", 1, null,
        [
            Result("P1-01", CheckpointOutcome.Met),
            Result("P1-02", CheckpointOutcome.PartlyMet),
            Result("P1-03", CheckpointOutcome.NotMet),
            Result("P1-04", CheckpointOutcome.NotApplicable),
            Result("P1-05", CheckpointOutcome.Met),
        ]);

        Assert.Equal((2, 1, 1, 1, 0), (summary.Met, summary.PartlyMet, summary.NotMet, summary.NotApplicable, summary.Unanswered));
        Assert.Equal(4, summary.Applicable);
        Assert.Equal(5, summary.Checkpoints);
    }

    [Fact]
    public void Summarise_UnansweredCheckpoint_IsApplicableAndNotMet()
    {
        var summary = AssessmentSummaries.Summarise("P1", 1, null, [Result("P1-01", CheckpointOutcome.Met), Result("P1-02", null)]);

        Assert.Equal((1, 2, 1), (summary.Met, summary.Applicable, summary.Unanswered));
    }

    [Fact]
    public void Summarise_AllNotApplicable_HasNothingApplicable()
    {
        var summary = AssessmentSummaries.Summarise("UX", null, "UX", [Result("UX-01", CheckpointOutcome.NotApplicable)]);

        Assert.Equal((0, 0, 1), (summary.Met, summary.Applicable, summary.NotApplicable));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(Rag.Green, null, Rag.Green)]
    [InlineData(Rag.Green, Rag.Amber, Rag.Amber)]
    [InlineData(Rag.Red, Rag.Amber, Rag.Red)]
    [InlineData(Rag.Amber, Rag.Green, Rag.Amber)]
    public void Worst_TwoRatings_IsTheWorseOne(Rag? a, Rag? b, Rag? expected) => Assert.Equal(expected, GroupSummary.Worst(a, b));

    [Fact]
    public void PerGroup_ResultsOfSeveralGroups_InCatalogueOrderWithTheWorstRatingEach()
    {
        var groups = AssessmentSummaries.PerGroup(Document,
        [
            Result("UX-01", CheckpointOutcome.Met, Rag.Green),
            Result("SE-01", CheckpointOutcome.NotMet, Rag.Red),
            Result("P3-01", CheckpointOutcome.PartlyMet, Rag.Amber),
            Result("P1-01", CheckpointOutcome.Met, Rag.Green),
            Result("P1-02", CheckpointOutcome.PartlyMet, Rag.Amber),
            Result("ZZ-99", CheckpointOutcome.Met),
        ]);

        Assert.Equal(["P1", "P3", "UX", "SE"], groups.Select(g => g.Key));
        Assert.Equal([Rag.Amber, Rag.Amber, Rag.Green, Rag.Red], groups.Select(g => g.Rag));
        Assert.Equal((1, 2), (groups[0].Met, groups[0].Applicable));
        Assert.Equal((0, 1), (groups[1].Met, groups[1].Applicable));
    }

    [Fact]
    public void Total_EveryResult_SumsAllGroups()
    {
        var total = AssessmentSummaries.Total([Result("P1-01", CheckpointOutcome.Met), Result("UX-01", CheckpointOutcome.NotApplicable), Result("SE-01", CheckpointOutcome.NotMet, Rag.Red)]);

        Assert.Equal((GroupSummary.TotalKey, 1, 2, 1, Rag.Red), (total.Key, total.Met, total.Applicable, total.NotApplicable, total.Rag));
    }
}
