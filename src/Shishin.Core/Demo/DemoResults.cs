namespace Shishin.Core.Demo;

public enum DemoSeedOutcome
{
    Seeded,

    /// <summary>Demo data (services, users or partner companies) is already there; run <c>shishin demo remove</c> first.</summary>
    AlreadyPresent,

    /// <summary>The instance has services of its own and <c>--force</c> was not given.</summary>
    NonDemoServicesPresent,

    /// <summary>A key or e-mail address the demo data uses is taken by something that is not demo data.</summary>
    Conflict,

    /// <summary>No published catalogue version to assess against.</summary>
    NoPublishedCatalogue,
}

/// <summary>What <see cref="DemoData.SeedAsync"/> did, or why it refused (<see cref="Detail"/> names what is in the way).</summary>
public sealed record DemoSeedResult(DemoSeedOutcome Outcome, DemoCounts Counts, IReadOnlyList<DemoAccount> Accounts, string Detail = "")
{
    public bool Succeeded => Outcome == DemoSeedOutcome.Seeded;
}

public sealed record DemoCounts(
    int Services,
    int PublicServices,
    int Bureaus,
    int Municipalities,
    int PartnerCompanies,
    int CanvasRevisions,
    int Kpis,
    int Assessments,
    int PublishedAssessments,
    int ActionItems,
    int OverdueActionItems,
    int Users)
{
    public static DemoCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// A demo account and its generated password, which exists only here: the caller shows it once and never logs it.
/// <see cref="ToString"/> leaves the password out, so that a record printed into a log by accident does not carry it.
/// </summary>
public sealed record DemoAccount(string Email, string Role, string Password)
{
    public override string ToString() => $"{Email} ({Role})";
}

/// <summary>What <see cref="DemoData.RemoveAsync"/> deleted.</summary>
public sealed record DemoRemoveResult(int Services, int Assessments, int ActionItems, int Users, int PartnerCompanies)
{
    public bool RemovedAnything => Services + Assessments + ActionItems + Users + PartnerCompanies > 0;
}
