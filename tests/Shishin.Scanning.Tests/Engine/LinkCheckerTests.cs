using Shishin.Scanning.Checks;
using Shishin.Scanning.Engine;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>The link checker against the fixture site, with real HTTP and the real resolver (no internet needed).</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class LinkCheckerTests(FixtureSite site)
{
    [Fact]
    public async Task CheckAsync_NameThatCannotResolve_IsUnverifiableForReview_NotABrokenLink_AndTheOwnPageIsSkipped()
    {
        var page = site.Http("/links/unresolvable");
        var guard = new EgressGuard(new EgressPolicy { AllowedEndpoints = site.Endpoints });
        var blocked = new BlockedLog();
        using var http = new GuardedHttp(guard, blocked, "Shishin tests", TimeSpan.FromSeconds(10), ignoreCertificateErrors: true);
        using var checker = new LinkChecker(http, new SiteDirectory(http), site.Options(page), u => u.Authority == page.Authority);
        PageLink[] links =
        [
            // RFC 2606 reserves .invalid: no resolver answers for it, with or without internet.
            new("http://nowhere.invalid/", "a:nth-child(1)", "<a href=\"http://nowhere.invalid/\">"),
            new(site.Http("/missing").AbsoluteUri, "a:nth-child(2)", "<a href=\"/missing\">"),
            new(site.Http("/").AbsoluteUri, "a:nth-child(3)", "<a href=\"/\">"),
        ];
        // A page that answers 404 on purpose (an error page) is not broken to its own skip link.
        var missingPage = site.Http("/missing");
        PageLink[] skipLink = [new(missingPage.AbsoluteUri + "#main", "a.skip", "<a class=\"skip\" href=\"#main\">")];
        Assert.Empty(await checker.CheckAsync(missingPage, skipLink, CancellationToken.None));

        var findings = await checker.CheckAsync(page, links, CancellationToken.None);

        Assert.Equal([ScannerRules.PageBrokenLink, ScannerRules.PageLinkUnverifiable], findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        var broken = findings.Single(f => f.RuleId == ScannerRules.PageBrokenLink);
        Assert.Equal(FindingOutcome.Violation, broken.Outcome);
        Assert.Equal("a:nth-child(2)", Assert.Single(broken.Nodes).Selector);
        var unverifiable = findings.Single(f => f.RuleId == ScannerRules.PageLinkUnverifiable);
        Assert.Equal(FindingOutcome.NeedsReview, unverifiable.Outcome);
        var node = Assert.Single(unverifiable.Nodes);
        Assert.Equal("a:nth-child(1)", node.Selector);
        Assert.StartsWith("http://nowhere.invalid/: ", node.Detail, StringComparison.Ordinal);
        Assert.Empty(blocked.All);
    }
}
