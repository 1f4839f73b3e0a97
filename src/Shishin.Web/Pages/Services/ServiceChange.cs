namespace Shishin.Web.Pages.Services;

/// <summary>One field of a conflicting save: what the editor entered and what is stored now.</summary>
public sealed record ServiceChange(string Field, string Yours, string Current);
