using Shishin.Web.Pages.Organizations;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The body of <c>POST /api/v1/services</c> and <c>PUT /api/v1/services/{key}</c>: the same names as <see cref="ServiceDto"/>,
/// so a client can GET a service, change it and PUT it back. Organisations by their keys; channel and phase by their
/// keys (the phase also by its Japanese name). <c>revision</c> is required on PUT: the one the client read.
/// </summary>
public sealed record ServiceWriteRequest(
    string? Key,
    LocalizedText? Name,
    LocalizedText? Description,
    string? Organization,
    IReadOnlyList<string>? Partners,
    IReadOnlyList<string>? EntryUrls,
    string? Audience,
    string? Channel,
    bool? Public,
    string? Phase,
    int? Revision);
