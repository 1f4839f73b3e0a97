using System.Globalization;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary>The CLI run in process against a test database, and the administrator account the commands' tests start from.</summary>
internal static class CliRun
{
    /// <summary>A password the account rules accept, as <c>admin create</c> reads it from standard input.</summary>
    public const string PasswordInput = "a long enough password\n";

    public static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, string stdin, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new StringReader(stdin), output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>An administrator made by <c>admin create</c>, as an operator makes the first account.</summary>
    public static async Task CreateAdminAsync(TestDatabase database, string email)
    {
        var (exit, _, error) = await RunAsync(database, PasswordInput, "admin", "create", "--email", email);
        Assert.True(exit == 0, error);
    }
}
