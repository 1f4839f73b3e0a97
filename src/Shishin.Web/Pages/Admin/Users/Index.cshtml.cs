using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministrationService accounts) : PageModel
{
    public IReadOnlyList<ShishinUser> Users { get; private set; } = [];
    public Dictionary<Guid, List<string>> RolesByUser { get; private set; } = [];

    public AccountState StateOf(ShishinUser user) => accounts.StateOf(user);

    public async Task OnGetAsync()
    {
        Users = await accounts.ListAsync();
        RolesByUser = await accounts.RolesByUserAsync();
    }
}
