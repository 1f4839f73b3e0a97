using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Demo;

namespace Shishin.Cli;

/// <summary><c>shishin demo seed|remove</c>: a living instance to look at, and back to empty.</summary>
internal static class DemoCommands
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Add the demo data even though the instance has services of its own." };
        var seed = context.Database.WithOptions(new Command(
            "seed",
            "Fill the instance with demo data marked デモ: services in every phase, canvases, KPIs, assessments, action items and a demo user of every role, whose passwords are printed once.")
        { force });
        seed.SetAction(async (parse, ct) =>
        {
            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli";
            var result = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(parse.GetValue(force), ct);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(result.Detail);
                return 1;
            }

            await WriteSummaryAsync(context.Output, result);
            return 0;
        });

        var remove = context.Database.WithOptions(new Command("remove", "Delete exactly the demo data: demo services with everything about them, demo users and demo partner companies."));
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli";
            var removed = await scope.ServiceProvider.GetRequiredService<DemoData>().RemoveAsync(ct);
            await context.Output.WriteLineAsync(removed.RemovedAnything
                ? $"Removed the demo data: {removed.Services} services, {removed.Assessments} assessments, {removed.ActionItems} action items, " +
                  $"{removed.Users} users, {removed.PartnerCompanies} partner companies."
                : "There was no demo data to remove.");
            return 0;
        });

        return new Command("demo", "Demo data.") { seed, remove };
    }

    private static async Task WriteSummaryAsync(TextWriter output, DemoSeedResult result)
    {
        var c = result.Counts;
        await output.WriteLineAsync("Demo data loaded; every name is marked 【デモ】 / [Demo].");
        await output.WriteLineAsync($"  {c.Services} services ({c.PublicServices} public) of {c.Bureaus} bureaus and {c.Municipalities} municipalities, {c.PartnerCompanies} partner companies");
        await output.WriteLineAsync($"  {c.CanvasRevisions} canvas revisions, {c.Kpis} KPI rows (3 fiscal years)");
        await output.WriteLineAsync($"  {c.Assessments} assessments ({c.PublishedAssessments} published), {c.ActionItems} action items ({c.OverdueActionItems} overdue)");
        await output.WriteLineAsync();
        // Shown here once and kept nowhere: the accounts' passwords are stored only as hashes.
        await output.WriteLineAsync("Demo users (the passwords are shown only now; administrators set up two-step verification at first sign-in):");
        var width = result.Accounts.Max(a => a.Email.Length);
        var roleWidth = result.Accounts.Max(a => a.Role.Length);
        foreach (var account in result.Accounts)
        {
            await output.WriteLineAsync($"  {account.Email.PadRight(width)}  {account.Role.PadRight(roleWidth)}  {account.Password}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Anyone with these passwords can sign in. Take the demo data out with: shishin demo remove");
    }
}
