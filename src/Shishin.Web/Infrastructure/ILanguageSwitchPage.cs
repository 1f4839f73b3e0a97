using Microsoft.AspNetCore.Mvc;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// A page whose form survives a change of language: instead of leaving the page, the header's language button
/// submits the form back to its own handler with <c>?__language=en</c>. The values are bound and validated in the new
/// language, and <see cref="RedisplayAsync"/> shows the form again — the handler itself never runs, so nothing is saved.
/// </summary>
public interface ILanguageSwitchPage
{
    /// <summary>Loads what the page needs and repeats the handler's own checks, without acting; usually returns Page().</summary>
    Task<IActionResult> RedisplayAsync();
}
