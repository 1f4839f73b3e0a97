using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Shishin.Web.Tests.Feedback;

/// <summary>The feedback services of Core report English sentences that the pages translate: each needs a Japanese entry.</summary>
public sealed partial class FeedbackMessagesTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly string[] Sources = ["FeedbackInbox.cs", "FeedbackImprovements.cs", "FeedbackSettingsService.cs", "FeedbackTags.cs"];

    [Fact]
    public void Japanese_EveryMessageOfTheFeedbackServices_HasAnEntry()
    {
        var japanese = XDocument.Load(Path.Combine(Root, "src/Shishin.Web/Resources/SharedResource.ja.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var messages = Sources
            .SelectMany(f => Sentence().Matches(File.ReadAllText(Path.Combine(Root, "src/Shishin.Core/CitizenFeedback", f))).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        var missing = messages.Where(m => !japanese.Contains(m)).Order(StringComparer.Ordinal).ToList();

        Assert.True(messages.Count > 15, "The message scan found too few messages; the pattern is broken.");
        Assert.True(missing.Count == 0, "Missing Japanese text for: " + string.Join(" | ", missing));
    }

    // A sentence literal: starts with a capital letter and ends with a full stop.
    [GeneratedRegex(@"""([A-Z][^""]*\.)""")]
    private static partial Regex Sentence();
}
