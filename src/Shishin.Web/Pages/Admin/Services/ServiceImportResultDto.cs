namespace Shishin.Web.Pages.Admin.Services;

/// <summary>What <c>POST /api/v1/services/import</c> answers: the keys created, updated and unchanged (or that would be, in a dry run).</summary>
public sealed record ServiceImportResultDto(
    bool DryRun, bool Applied, IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged,
    IReadOnlyList<ServiceImportErrorDto> Errors);
