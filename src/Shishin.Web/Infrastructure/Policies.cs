namespace Shishin.Web.Infrastructure;

public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Reading through /api/v1: any signed-in user; a caller with an API key needs its <c>read</c> scope.</summary>
    public const string ApiRead = "ApiRead";

    /// <summary>Writing through /api/v1: any signed-in user; a caller with an API key needs its <c>write</c> scope.</summary>
    public const string ApiWrite = "ApiWrite";
}
