using Shishin.Core.Catalog;

namespace Shishin.Core.Services;

/// <summary>
/// Tokyo's lifecycle of a service: 企画-仮説検討, 企画-サービス立案, 企画-要件定義・調達, 開発, 運用, 廃止. The first five are the
/// catalogue's <see cref="LifecyclePhase"/>s (checkpoints apply to them); a retired service is no longer assessed.
/// </summary>
public enum ServicePhase
{
    Hypothesis,
    ServiceDesign,
    Requirements,
    Development,
    Operation,
    Retired,
}

public enum ServiceChannel
{
    Web,
    Counter,
    Phone,
    App,
}

public static class ServicePhases
{
    /// <summary>The catalogue phase whose checkpoints apply, or null for a retired service.</summary>
    public static LifecyclePhase? ToLifecyclePhase(this ServicePhase phase) => phase switch
    {
        ServicePhase.Hypothesis => LifecyclePhase.Hypothesis,
        ServicePhase.ServiceDesign => LifecyclePhase.ServiceDesign,
        ServicePhase.Requirements => LifecyclePhase.Requirements,
        ServicePhase.Development => LifecyclePhase.Development,
        ServicePhase.Operation => LifecyclePhase.Operation,
        _ => null,
    };
}
