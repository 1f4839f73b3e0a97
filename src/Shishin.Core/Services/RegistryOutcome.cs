namespace Shishin.Core.Services;

public enum RegistryOutcome
{
    Saved,

    /// <summary>One or more fields are wrong; see <see cref="RegistryResult{T}.Errors"/>. Nothing was saved.</summary>
    Invalid,

    /// <summary>
    /// Someone else saved first: the write was based on a revision that is no longer current. <see cref="RegistryResult{T}.Value"/>
    /// holds the current state (null when there is none), so the caller can show what changed and keep the input.
    /// </summary>
    Conflict,

    /// <summary>No such service, or one the caller may not see (the two are not told apart, so nothing leaks).</summary>
    NotFound,

    /// <summary>The caller sees the service (or the organisation) but may not change it.</summary>
    Forbidden,
}
