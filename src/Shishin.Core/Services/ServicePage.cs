using Shishin.Core.Assessments;

namespace Shishin.Core.Services;

/// <summary>One row of the register list: the service (with its owner organisation) and what the list shows beside it.</summary>
public sealed record ServiceListItem(Service Service, Rag? LatestRag, bool HasOverdueActions);

/// <summary>One page of the register list; <see cref="Total"/> counts only what the viewer may see.</summary>
public sealed record ServicePage(IReadOnlyList<ServiceListItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
