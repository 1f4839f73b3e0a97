namespace Shishin.Core.Auditing;

/// <summary>One appended line of the audit log. Never updated or deleted (enforced in code and by database triggers).</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? ClientIp { get; set; }
    public string? CorrelationId { get; set; }
}

/// <summary>Who is acting in the current scope: a signed-in user, the CLI, or the system itself.</summary>
public sealed class AuditActor
{
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "system";
    public string? ClientIp { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>
    /// The request has just signed <paramref name="userId"/> in: from here on it acts as that user, so the sign-in event
    /// and anything after it name the person, not "anonymous".
    /// </summary>
    public void SignedIn(Guid userId, string name)
    {
        UserId = userId;
        Name = name;
    }
}
