using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Catalog;

/// <summary>The improvement cycle through the pages: propose, comment, accept or decline, withdraw, publish, read.</summary>
public abstract class ProposalTests(ShishinAppFactory app)
{
    private const string NewTitleEn = "Accessibility policy published, dated and kept current";

    [Fact]
    public async Task Proposal_ProposedCommentedAcceptedAndPublished_EndsInTheCatalogueAndIsPublic()
    {
        // Arrange
        await DiscardAnyDraftAsync(app);
        var (a, aId) = await UserAsync("proposer");
        var (b, _) = await UserAsync("commenter");
        var admin = await AdminAsync(app);
        var anonymous = app.NewClient();

        // Act: A proposes a new English title for P3-01, editing the form that holds the current texts
        var form = await a.GetStringAsync("/proposals/new?checkpoint=P3-01");
        Assert.Contains("ウェブアクセシビリティ方針の公開", form, StringComparison.Ordinal);
        var current = (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Document.FindCheckpoint("P3-01")!;
        var created = await a.PostFieldsAsync("/proposals/new",
        [
            new("Input.Kind", "Change"),
            new("Input.CheckpointId", "P3-01"),
            new("Input.Summary", "Say when the policy was last checked"),
            new("Input.TitleJa", current.Title.Ja),
            new("Input.TitleEn", NewTitleEn),
            new("Input.GuidanceJa", current.Guidance.Ja),
            // A browser sends line breaks as CR LF; unchanged text must still count as unchanged.
            new("Input.GuidanceEn", current.Guidance.En.Replace("\n", "\r\n", StringComparison.Ordinal)),
            new("Input.EvidenceJa", current.Evidence.Ja),
            new("Input.EvidenceEn", current.Evidence.En),
            new("Input.Rationale", "Readers cannot tell whether the policy is still valid."),
            new("Input.SupportingEvidence", "Three policies we reviewed had not been updated for years."),
        ], "/proposals/new?checkpoint=P3-01");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(path.Split('/').Last());

        var commented = await b.PostFieldsAsync($"{path}?handler=comment", [new("Input.Comment", "Agreed; the date also helps auditors.")], path);
        var bWithdraws = await b.PostFieldsAsync($"{path}?handler=withdraw", [], path);
        var mine = await a.GetStringAsync("/proposals/mine");
        var anonymousWhileOpen = await anonymous.GetAsync(path);
        var list = await b.GetStringAsync("/proposals");

        // Assert: only the changed text is stored; B commented but could not withdraw; the open proposal is not public
        var proposal = await ProposalAsync(id);
        Assert.Equal(NewTitleEn, proposal.TitleEn);
        Assert.Null(proposal.TitleJa);
        Assert.Null(proposal.GuidanceEn);
        Assert.Null(proposal.EvidenceJa);
        Assert.Equal(aId, proposal.ProposerId);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        Assert.Single(proposal.Comments);
        Assert.NotEqual(HttpStatusCode.OK, bWithdraws.StatusCode);
        Assert.Contains("/errors/403", bWithdraws.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Open, proposal.Status);
        Assert.Contains("Say when the policy was last checked", mine, StringComparison.Ordinal);
        Assert.Contains("受付中", mine, StringComparison.Ordinal);
        Assert.Contains("Say when the policy was last checked", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymousWhileOpen.StatusCode);
        Assert.Contains("/account/sign-in", anonymousWhileOpen.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Act: the admin accepts it
        var accepted = await admin.PostFieldsAsync($"{path}?handler=accept", [new("Input.Note", "Thank you; included in the next version.")], path);

        // Assert: the draft holds the proposed text and points back to the proposal
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        proposal = await ProposalAsync(id);
        var draft = (await WithCatalogAsync(app, c => c.GetDraftAsync()))!;
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal(draft.Id, proposal.AppliedVersionId);
        Assert.Equal("Thank you; included in the next version.", proposal.DecisionReason);
        Assert.Equal(NewTitleEn, draft.Document.FindCheckpoint("P3-01")!.Title.En);
        Assert.Equal(current.Title.Ja, draft.Document.FindCheckpoint("P3-01")!.Title.Ja);
        Assert.Equal(current.Guidance.En, draft.Document.FindCheckpoint("P3-01")!.Guidance.En);
        var publicBeforePublishing = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, publicBeforePublishing.StatusCode);
        Assert.Contains("次の版の下書き。", await publicBeforePublishing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Act: the draft is published
        var overview = await admin.GetStringAsync("/admin/catalog");
        var published = await admin.PostFieldsAsync("/admin/catalog?handler=publish",
        [
            new("revision", RevisionText(overview)),
            new("Publish.Version", "1.2.0"),
            new("Publish.ChangelogJa", "#1 を採用し、P3-01 のタイトルを改めました。"),
            new("Publish.ChangelogEn", "Accepted #1: clearer title for P3-01."),
            new("Publish.Confirmed", "true"),
        ], "/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Assert: anyone can read the accepted proposal, which links to the version it went into
        var page = await anonymous.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"/catalog/versions/1.2.0\"", html, StringComparison.Ordinal);
        Assert.Contains(NewTitleEn, html, StringComparison.Ordinal);
        Assert.Contains("Agreed; the date also helps auditors.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=comment", html, StringComparison.Ordinal);
        Assert.Equal(NewTitleEn, (await WithCatalogAsync(app, c => c.GetVersionAsync("1.2.0")))!.Document.FindCheckpoint("P3-01")!.Title.En);

        // Every step is in the audit log.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var proposalEvents = await db.AuditEvents.Where(e => e.EntityType == nameof(ChangeProposal) && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains("ChangeProposal.created", proposalEvents);
        Assert.Contains("ChangeProposal.updated", proposalEvents);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ProposalComment) && e.Action == "ProposalComment.created"));
        var applied = await db.AuditEvents.Where(e => e.Action == "catalog.proposal.applied" && e.EntityId == "P3-01").ToListAsync();
        Assert.Single(applied);
        Assert.Equal(ShishinAppFactory.SetupAdminEmail, applied[0].ActorName);
        Assert.Contains(NewTitleEn, applied[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposal_DeclinedOrWithdrawn_NeedsAReasonAndStaysPrivate()
    {
        // Arrange: A proposes two new checkpoints for the UX theme
        var (a, _) = await UserAsync("proposer");
        var (b, _) = await UserAsync("other");
        var admin = await AdminAsync(app);
        var anonymous = app.NewClient();
        var newPath = await ProposeNewAsync(a);
        var otherPath = await ProposeNewAsync(a);

        // Act
        var withoutReason = await admin.PostFieldsAsync($"{newPath}?handler=decline", [new("Input.Reason", " ")], newPath);
        var declined = await admin.PostFieldsAsync($"{newPath}?handler=decline", [new("Input.Reason", "UX-03 already covers this.")], newPath);
        var declinedAgain = await admin.PostFieldsAsync($"{newPath}?handler=accept", [], newPath);
        var bWithdraws = await b.PostFieldsAsync($"{otherPath}?handler=withdraw", [], otherPath);
        var bAccepts = await b.PostFieldsAsync($"{otherPath}?handler=accept", [], otherPath);
        var aWithdraws = await a.PostFieldsAsync($"{otherPath}?handler=withdraw", [], otherPath);

        // Assert
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("id=\"Input_Reason-error\"", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declinedAgain.StatusCode);
        Assert.Contains("この提案はすでに判断済みです。", await declinedAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var newProposal = await ProposalAsync(Guid.Parse(newPath.Split('/').Last()));
        Assert.Equal(ProposalStatus.Declined, newProposal.Status);
        Assert.Equal("UX-03 already covers this.", newProposal.DecisionReason);
        Assert.Null(newProposal.AppliedVersionId);

        Assert.Contains("/errors/403", bWithdraws.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("/errors/403", bAccepts.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, aWithdraws.StatusCode);
        Assert.Equal(ProposalStatus.Withdrawn, (await ProposalAsync(Guid.Parse(otherPath.Split('/').Last()))).Status);

        foreach (var path in new[] { newPath, otherPath })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var mine = await a.GetStringAsync("/proposals/mine");
        Assert.Contains("UX-03 already covers this.", mine, StringComparison.Ordinal);
        Assert.Contains("見送り", mine, StringComparison.Ordinal);
        Assert.Contains("取り下げ", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/proposals/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task NewProposal_WithMissingOrUnchangedTexts_ShowsFieldMessages()
    {
        // Arrange
        var (a, _) = await UserAsync("proposer");
        var current = (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Document.FindCheckpoint("P2-01")!;

        // Act
        var unchanged = await a.PostFieldsAsync("/proposals/new",
        [
            new("Input.Kind", "Change"),
            new("Input.CheckpointId", "P2-01"),
            new("Input.TitleJa", current.Title.Ja),
            new("Input.TitleEn", current.Title.En),
        ], "/proposals/new?checkpoint=P2-01");
        var empty = await a.PostFieldsAsync("/proposals/new", [new("Input.Kind", "New"), new("Input.Owner", "")], "/proposals/new?owner=UX");
        var unknown = await a.GetStringAsync("/proposals/new?checkpoint=P99-01");

        // Assert
        var unchangedHtml = await unchanged.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Contains("チェックポイントの新しいテキストを1つ以上書いてください。", unchangedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Summary-error\"", unchangedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Rationale-error\"", unchangedHtml, StringComparison.Ordinal);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        foreach (var field in new[] { "Owner", "Summary", "TitleJa", "TitleEn", "GuidanceJa", "EvidenceEn", "Phases", "CheckType", "Rationale" })
        {
            Assert.Contains($"id=\"Input_{field}-error\"", emptyHtml, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"Checkpoint-error\"", unknown, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ChangeProposals.AnyAsync(p => p.CheckpointId == "P2-01"));
    }

    private static async Task<string> ProposeNewAsync(HttpClient client)
    {
        var response = await client.PostFieldsAsync("/proposals/new",
        [
            new("Input.Kind", "New"),
            new("Input.Owner", "UX"),
            new("Input.Summary", "Check forms on small screens"),
            new("Input.TitleJa", "小さな画面でのフォームの確認"),
            new("Input.TitleEn", "Forms checked on small screens"),
            new("Input.GuidanceJa", "スマートフォンの幅で、すべての入力欄とボタンが使えることを確かめます。"),
            new("Input.GuidanceEn", "Check at phone width that every field and button can be used."),
            new("Input.EvidenceJa", "小さな画面での確認の記録があります。"),
            new("Input.EvidenceEn", "There is a record of the small-screen check."),
            new("Input.Phases", "development"),
            new("Input.Phases", "operation"),
            new("Input.CheckType", "H"),
            new("Input.Rationale", "Most of our users apply from a phone."),
        ], "/proposals/new?owner=UX");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private async Task<(HttpClient Client, Guid Id)> UserAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.Reviewer]);
        return (await app.SignInAsync(email), user.Id);
    }

    private async Task<ChangeProposal> ProposalAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProposalService>().GetAsync(id))!;
    }
}

public sealed class ProposalTests_Sqlite(SqliteAppFactory app) : ProposalTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProposalTests_Postgres(PostgresAppFactory app) : ProposalTests(app), IClassFixture<PostgresAppFactory>;
