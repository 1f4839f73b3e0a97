namespace Shishin.Core.Services;

/// <summary>The answer to a write of the register: the saved entity, or why not.</summary>
public sealed class RegistryResult<T>
    where T : class
{
    internal RegistryResult(RegistryOutcome outcome, T? value, IReadOnlyList<ServiceError> errors)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors;
    }

    public RegistryOutcome Outcome { get; }

    /// <summary>The saved entity; on a conflict the current one.</summary>
    public T? Value { get; }

    public IReadOnlyList<ServiceError> Errors { get; }

    public bool Succeeded => Outcome == RegistryOutcome.Saved;
}
