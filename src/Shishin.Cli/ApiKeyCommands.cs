using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.ApiKeys;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;

namespace Shishin.Cli;

/// <summary>
/// <c>shishin apikey create</c>: a personal API key for a user, for automation and tests. Only the key goes to standard
/// output, so <c>KEY=$(shishin apikey create …)</c> works; it is not shown again.
/// </summary>
internal static class ApiKeyCommands
{
    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "Email address of the user the key acts as.", Required = true };
        var name = new Option<string>("--name") { Description = $"A name to tell the key apart (at most {ApiKeyService.MaxNameLength} characters).", Required = true };
        var expires = new Option<int>("--expires")
        {
            Description = $"Days until the key expires, {ApiKeyService.MinExpiryDays} to {ApiKeyService.MaxExpiryDays}.",
            DefaultValueFactory = _ => ApiKeyService.DefaultExpiryDays,
        };
        var scope = new Option<string>("--scope") { Description = "read, or write (which includes read).", DefaultValueFactory = _ => ApiKeyScopes.Read };
        scope.AcceptOnlyFromAmong([.. ApiKeyScopes.All]);
        var create = context.Database.WithOptions(new Command("create", "Create an API key for a user and print it (once).") { email, name, expires, scope });
        create.SetAction(async (parse, ct) =>
        {
            var keyName = parse.GetRequiredValue(name).Trim();
            var days = parse.GetValue(expires);
            if (keyName.Length is 0 or > ApiKeyService.MaxNameLength)
            {
                await context.Error.WriteLineAsync($"--name needs 1 to {ApiKeyService.MaxNameLength} characters.");
                return 2;
            }

            if (days is < ApiKeyService.MinExpiryDays or > ApiKeyService.MaxExpiryDays)
            {
                await context.Error.WriteLineAsync($"--expires needs a number of days from {ApiKeyService.MinExpiryDays} to {ApiKeyService.MaxExpiryDays}.");
                return 2;
            }

            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scopeServices = services.CreateAsyncScope();
            scopeServices.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli";
            var address = parse.GetRequiredValue(email);
            var user = await scopeServices.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(address.Trim());
            if (user is null)
            {
                await context.Error.WriteLineAsync($"There is no user with the email address {address}.");
                return 1;
            }

            if (!user.IsActive)
            {
                await context.Error.WriteLineAsync($"The account {address} is deactivated; its keys would not work.");
                return 1;
            }

            var key = await scopeServices.ServiceProvider.GetRequiredService<ApiKeyService>()
                .CreateAsync(user, keyName, days, [parse.GetRequiredValue(scope)], ct);
            await context.Output.WriteLineAsync(key.PlainText);
            await context.Error.WriteLineAsync(
                $"API key {key.Key.Prefix}… ({key.Key.Scopes}) for {user.Email}, valid until {key.Key.ExpiresAt:yyyy-MM-dd HH:mm} UTC. It is not shown again.");
            return 0;
        });

        return new Command("apikey", "Personal API keys for machine clients.") { create };
    }
}
