using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.Infrastructure;

/// <summary>Identity's messages in the page's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = l["Use at least {0} characters for the password.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = l["Use at least {0} different characters in the password.", uniqueChars] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = l["An account with this email address already exists."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = l["An account with this email address already exists."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = l["Enter an email address in the correct format, like name@example.jp."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = l["Enter an email address in the correct format, like name@example.jp."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = l["The current password is not correct."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = l["The change could not be saved. Try again."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = l["Someone else changed this account at the same time. Reload the page and try again."] };
}
