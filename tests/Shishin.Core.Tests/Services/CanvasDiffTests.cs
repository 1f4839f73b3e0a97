using Shishin.Core.Services;

namespace Shishin.Core.Tests.Services;

public sealed class CanvasDiffTests
{
    private static ServiceCanvas Canvas(string purpose, params (string Statement, string Test, string Result)[] hypotheses) => new()
    {
        Purpose = purpose,
        Risks = "担当者の異動",
        Hypotheses = [.. hypotheses.Select(h => new CanvasHypothesis { Statement = h.Statement, Test = h.Test, Result = h.Result })],
    };

    [Fact]
    public void Compare_SameCanvas_IsEmpty()
    {
        var canvas = Canvas("保育園の申込みを簡単にする", ("紙の申請が負担", "窓口で聞き取り", ""));

        var diff = CanvasDiff.Compare(canvas, Canvas("保育園の申込みを簡単にする", ("紙の申請が負担", "窓口で聞き取り", "")));

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.ChangedFields);
        Assert.Equal(CanvasFields.Text.Count, diff.Fields.Count);
    }

    [Fact]
    public void Compare_OneTextFieldEdited_MarksOnlyThatFieldWithBothTexts()
    {
        var diff = CanvasDiff.Compare(Canvas("保育園の申込みを簡単にする"), Canvas("保育園の申込みをオンラインで簡単にする"));

        Assert.Equal([CanvasFields.Purpose], diff.ChangedFields);
        var purpose = Assert.Single(diff.Fields, f => f.Changed);
        Assert.Equal(("保育園の申込みを簡単にする", "保育園の申込みをオンラインで簡単にする"), (purpose.Before, purpose.After));
        Assert.False(diff.HypothesesChanged);
    }

    [Fact]
    public void Compare_ResultRecordedForOneHypothesis_OnlyThatOneChangedInItsResult()
    {
        var before = Canvas("目的", ("紙の申請が負担", "窓口で聞き取り", ""), ("夜間に申請したい", "アクセスログ", ""));
        var after = Canvas("目的", ("紙の申請が負担", "窓口で聞き取り", ""), ("夜間に申請したい", "アクセスログ", "申請の4割が夜間"));

        var diff = CanvasDiff.Compare(before, after);

        Assert.Equal([CanvasFields.Hypotheses], diff.ChangedFields);
        Assert.Equal([CanvasItemChange.Unchanged, CanvasItemChange.Changed], diff.Hypotheses.Select(h => h.Change));
        var changed = diff.Hypotheses[1];
        Assert.Equal((2, 2), (changed.Before, changed.After));
        var field = Assert.Single(changed.Fields, f => f.Changed);
        Assert.Equal((CanvasFields.Result, "", "申請の4割が夜間"), (field.Field, field.Before, field.After));
    }

    [Fact]
    public void Compare_FirstHypothesisRemoved_ShowsItRemovedAndTheRestUnchangedAtTheirNewNumbers()
    {
        var before = Canvas("目的", ("A", "a", ""), ("B", "b", ""), ("C", "c", ""));
        var after = Canvas("目的", ("B", "b", ""), ("C", "c", ""));

        var diff = CanvasDiff.Compare(before, after);

        Assert.Equal(
            [(1, null, CanvasItemChange.Removed), (2, 1, CanvasItemChange.Unchanged), (3, 2, CanvasItemChange.Unchanged)],
            diff.Hypotheses.Select(h => (h.Before, h.After, h.Change)));
        Assert.Equal(["A", "a", ""], diff.Hypotheses[0].Fields.Select(f => f.Before));
        Assert.All(diff.Hypotheses[0].Fields, f => Assert.Equal("", f.After));
    }

    [Fact]
    public void Compare_OneRewordedAndOneAdded_PairsTheRewordedAsChangedAndTheNewAsAdded()
    {
        var before = Canvas("目的", ("A", "a", ""), ("B", "b", ""));
        var after = Canvas("目的", ("A", "a", ""), ("B2", "b", ""), ("D", "d", ""));

        var diff = CanvasDiff.Compare(before, after);

        Assert.Equal(
            [(1, 1, CanvasItemChange.Unchanged), (2, 2, CanvasItemChange.Changed), (null, 3, CanvasItemChange.Added)],
            diff.Hypotheses.Select(h => (h.Before, h.After, h.Change)));
        Assert.Equal([CanvasFields.Statement], diff.Hypotheses[1].Fields.Where(f => f.Changed).Select(f => f.Field));
    }

    [Fact]
    public void Check_TooLongTextAndTooManyHypotheses_NamesEachField()
    {
        var canvas = new ServiceCanvas
        {
            Value = new string('価', CanvasFields.MaxTextLength + 1),
            Purpose = new string('目', CanvasFields.MaxTextLength),
            Hypotheses = [.. Enumerable.Range(0, CanvasFields.MaxHypotheses + 1).Select(i => new CanvasHypothesis { Statement = $"仮説{i}" })],
        };
        canvas.Hypotheses[3].Test = new string('検', CanvasFields.MaxTextLength + 1);

        var issues = CanvasFields.Check(canvas);

        Assert.Equal(
            [(CanvasFields.Value, CanvasIssueKind.TooLong), (CanvasFields.Hypotheses, CanvasIssueKind.TooManyHypotheses), ("hypotheses[3].test", CanvasIssueKind.TooLong)],
            issues.Select(i => (i.Field, i.Kind)));
    }

    [Fact]
    public void Normalized_CrLfAndBlankHypotheses_CountsLineBreaksAsOneAndDropsEmptyRows()
    {
        var canvas = new ServiceCanvas
        {
            Purpose = "  一行目\r\n二行目\r三行目  ",
            Hypotheses = [new() { Statement = " " }, new() { Statement = "仮説", Result = "\r\n" }],
        };

        var normalized = CanvasFields.Normalized(canvas);

        Assert.Equal("一行目\n二行目\n三行目", normalized.Purpose);
        var hypothesis = Assert.Single(normalized.Hypotheses);
        Assert.Equal(("仮説", ""), (hypothesis.Statement, hypothesis.Result));
    }
}
