namespace Shishin.Web.Infrastructure;

public static class Policies
{
    public const string Admin = "Admin";
}
