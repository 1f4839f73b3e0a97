namespace Shishin.Web.Pages.Services;

/// <summary>One page of <c>GET /api/v1/services</c>; <c>Total</c> counts only the services the caller may see.</summary>
public sealed record ServicePageDto(IReadOnlyList<ServiceDto> Items, int Page, int PageSize, int Total);
