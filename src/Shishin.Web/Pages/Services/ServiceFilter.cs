using System.Globalization;
using Shishin.Core.Assessments;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>A bad filter value: the parameter it came from and an English message template (the key of its translation).</summary>
public sealed record ServiceFilterIssue(string Field, string Template, params object[] Args)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Args);
}

/// <summary>The register list's filters as text, exactly as the /services form and <c>GET /api/v1/services</c> receive them.</summary>
public sealed record ServiceFilterInput(
    string? Organization,
    string? Phase,
    string? Channel,
    string? Public,
    string? Overdue,
    string? Rag,
    string? Q,
    string? Sort,
    string? Page,
    string? PageSize = null);

/// <summary>
/// Reads the list's filters the same way for the page and the API, so one URL means the same list in both. Values are
/// keys (organisation key, phase key or Japanese name, <c>web</c>, <c>green</c>, <c>true</c>); a value that is not one
/// becomes an issue naming its parameter, never an error page.
/// </summary>
public static class ServiceFilter
{
    /// <summary>The sort parameter's values in the order the form offers them; "-desc" reverses.</summary>
    public static IReadOnlyList<(string Value, ServiceSort Sort, bool Descending)> SortOptions { get; } =
    [
        ("name", ServiceSort.Name, false),
        ("name-desc", ServiceSort.Name, true),
        ("organization", ServiceSort.Organization, false),
        ("organization-desc", ServiceSort.Organization, true),
        ("phase", ServiceSort.Phase, false),
        ("phase-desc", ServiceSort.Phase, true),
        ("updated-desc", ServiceSort.Updated, true),
        ("updated", ServiceSort.Updated, false),
    ];

    public static IReadOnlyList<string> Channels { get; } = [.. Enum.GetValues<ServiceChannel>().Select(ChannelKey)];

    public static IReadOnlyList<string> Ratings { get; } = [.. Enum.GetValues<Rag>().Select(RagKey)];

    public static string ChannelKey(ServiceChannel channel) => channel.ToString().ToLowerInvariant();

    public static string RagKey(Rag rag) => rag.ToString().ToLowerInvariant();

    public static async Task<(ServiceQuery Query, List<ServiceFilterIssue> Issues)> ParseAsync(
        ServiceFilterInput input, OrganizationService organizations, bool english, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(organizations);
        var issues = new List<ServiceFilterIssue>();
        var query = new ServiceQuery { English = english };

        if (Given(input.Organization) is { } organizationKey)
        {
            // Keys are short slugs; a long value is not one, and is not worth a database round trip.
            var organization = organizationKey.Length <= 64 ? await organizations.FindByKeyAsync(organizationKey, cancellationToken) : null;
            if (organization is null)
            {
                issues.Add(new("organization", "There is no organisation with the key {0}.", Shorten(organizationKey)));
            }
            else
            {
                query = query with { OrganizationId = organization.Id };
            }
        }

        if (Given(input.Phase) is { } phaseText)
        {
            if (ServicePhaseNames.TryParse(phaseText, out var phase))
            {
                query = query with { Phase = phase };
            }
            else
            {
                issues.Add(new("phase", "The phase is one of {0}.", string.Join(", ", ServicePhaseNames.Keys)));
            }
        }

        if (Given(input.Channel) is { } channelText)
        {
            var channel = Enum.GetValues<ServiceChannel>().Where(c => string.Equals(ChannelKey(c), channelText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (channel.Count == 1)
            {
                query = query with { Channel = channel[0] };
            }
            else
            {
                issues.Add(new("channel", "The channel is one of {0}.", string.Join(", ", Channels)));
            }
        }

        if (Given(input.Public) is { } publicText)
        {
            if (bool.TryParse(publicText, out var isPublic))
            {
                query = query with { IsPublic = isPublic };
            }
            else
            {
                issues.Add(new("public", "The value of {0} is true or false.", "public"));
            }
        }

        if (Given(input.Overdue) is { } overdueText)
        {
            if (bool.TryParse(overdueText, out var overdue))
            {
                query = query with { HasOverdueActions = overdue };
            }
            else
            {
                issues.Add(new("overdue", "The value of {0} is true or false.", "overdue"));
            }
        }

        if (Given(input.Rag) is { } ragText)
        {
            var rag = Enum.GetValues<Rag>().Where(r => string.Equals(RagKey(r), ragText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (rag.Count == 1)
            {
                query = query with { LatestRag = rag[0] };
            }
            else
            {
                issues.Add(new("rag", "The rating is one of {0}.", string.Join(", ", Ratings)));
            }
        }

        if (Given(input.Q) is { } text)
        {
            if (text.Length > ServiceQuery.MaxTextLength)
            {
                issues.Add(new("q", "Use at most {0} characters.", ServiceQuery.MaxTextLength));
            }
            else
            {
                query = query with { Text = text };
            }
        }

        if (Given(input.Sort) is { } sortText)
        {
            var sort = SortOptions.Where(o => string.Equals(o.Value, sortText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sort.Count == 1)
            {
                query = query with { Sort = sort[0].Sort, Descending = sort[0].Descending };
            }
            else
            {
                issues.Add(new("sort", "The sort order is one of {0}.", string.Join(", ", SortOptions.Select(o => o.Value))));
            }
        }

        if (Given(input.Page) is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                query = query with { Page = page };
            }
            else
            {
                issues.Add(new("page", "The page is a whole number from 1."));
            }
        }

        if (Given(input.PageSize) is { } pageSizeText)
        {
            if (int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) && pageSize is >= 1 and <= ServiceQuery.MaxPageSize)
            {
                query = query with { PageSize = pageSize };
            }
            else
            {
                issues.Add(new("pageSize", "The page size is a whole number from 1 to {0}.", ServiceQuery.MaxPageSize));
            }
        }

        return (query, issues);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A message repeats what was given, never a whole pasted document.
    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
