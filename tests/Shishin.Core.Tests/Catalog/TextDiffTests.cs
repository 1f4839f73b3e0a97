using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

public sealed class TextDiffTests
{
    [Fact]
    public void Compare_JapaneseInsertion_MarksOnlyTheInsertedCharacters()
    {
        var segments = TextDiff.Compare("方針を公開します。", "方針を作成し公開します。");

        Assert.Equal([new TextSegment(TextChange.Same, "方針を"), new TextSegment(TextChange.Inserted, "作成し"), new TextSegment(TextChange.Same, "公開します。")], segments);
    }

    [Fact]
    public void Compare_EnglishReplacedWord_MarksWholeWordsNotLetters()
    {
        var segments = TextDiff.Compare("Publish the policy today.", "Publish the written policy now.");

        Assert.Equal(
            [
                new TextSegment(TextChange.Same, "Publish the "),
                new TextSegment(TextChange.Inserted, "written "),
                new TextSegment(TextChange.Same, "policy "),
                new TextSegment(TextChange.Deleted, "today"),
                new TextSegment(TextChange.Inserted, "now"),
                new TextSegment(TextChange.Same, "."),
            ],
            segments);
    }

    [Fact]
    public void Compare_AnyTwoTexts_RebuildBothSides()
    {
        const string before = "対象とする範囲（JIS X 8341-3:2016 の AA）を定めます。";
        const string after = "対象範囲と目標（JIS X 8341-3:2016 の AA 以上）を定め、毎年見直します。";

        var segments = TextDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(segments.Where(s => s.Change != TextChange.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(segments.Where(s => s.Change != TextChange.Deleted).Select(s => s.Text)));
        Assert.Contains(segments, s => s.Change == TextChange.Inserted && s.Text.Contains("以上", StringComparison.Ordinal));
        Assert.DoesNotContain(segments, s => s.Change != TextChange.Same && s.Text.Contains("8341", StringComparison.Ordinal));
    }
}
