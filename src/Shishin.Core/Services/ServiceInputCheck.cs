using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// The field checks of a service write (<see cref="ServiceRules"/> plus the lookups they need), shared by create and
/// update. Every problem is collected, so a form shows them all at once.
/// </summary>
internal sealed class ServiceInputCheck
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int AudienceMaxLength = 200;
    public const int EntryUrlsMaxLength = 4000;

    public List<ServiceError> Errors { get; } = [];
    public Organization? Owner { get; private set; }
    public List<Guid> PartnerIds { get; } = [];
    public ServiceChannel Channel { get; private set; }
    public ServicePhase? Phase { get; private set; }
    public string EntryUrls { get; private set; } = "";

    public static async Task<ServiceInputCheck> RunAsync(ShishinDbContext db, ServiceInput input, bool phaseRequired, CancellationToken cancellationToken)
    {
        var check = new ServiceInputCheck();
        check.Text(ServiceFields.NameJa, input.NameJa, NameMaxLength, required: true);
        check.Text(ServiceFields.NameEn, input.NameEn, NameMaxLength, required: true);
        check.Text(ServiceFields.DescriptionJa, input.DescriptionJa, DescriptionMaxLength, required: false);
        check.Text(ServiceFields.DescriptionEn, input.DescriptionEn, DescriptionMaxLength, required: false);
        check.Text(ServiceFields.Audience, input.Audience, AudienceMaxLength, required: false);
        await check.OrganizationsAsync(db, input, cancellationToken);
        check.Urls(input.EntryUrls);
        check.ChannelAndPhase(input, phaseRequired);
        return check;
    }

    public static string Clean(string? text) => (text ?? "").Trim();

    private void Text(string field, string? value, int maxLength, bool required)
    {
        var text = Clean(value);
        if (required && text.Length == 0)
        {
            Errors.Add(new(field, ServiceErrorCode.Required));
        }
        else if (text.Length > maxLength)
        {
            Errors.Add(new(field, ServiceErrorCode.TooLong, maxLength));
        }
    }

    private async Task OrganizationsAsync(ShishinDbContext db, ServiceInput input, CancellationToken cancellationToken)
    {
        var ownerKey = Clean(input.Organization);
        var partnerKeys = (input.Partners ?? []).Select(Clean).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var keys = partnerKeys.Append(ownerKey).ToList();
        var found = await db.Organizations.AsNoTracking().Where(o => keys.Contains(o.Key)).ToListAsync(cancellationToken);
        if (ownerKey.Length == 0)
        {
            Errors.Add(new(ServiceFields.Organization, ServiceErrorCode.Required));
        }
        else if (found.FirstOrDefault(o => o.Key == ownerKey) is not { } owner)
        {
            Errors.Add(new(ServiceFields.Organization, ServiceErrorCode.UnknownOrganization));
        }
        else if (owner.Kind == OrganizationKind.Partner)
        {
            // A vendor builds or runs a service for a government; it never owns one in the register.
            Errors.Add(new(ServiceFields.Organization, ServiceErrorCode.OwnerIsPartner));
        }
        else
        {
            Owner = owner;
        }

        var problems = new HashSet<ServiceErrorCode>();
        foreach (var key in partnerKeys)
        {
            var partner = found.FirstOrDefault(o => o.Key == key);
            if (partner is null)
            {
                problems.Add(ServiceErrorCode.UnknownPartner);
            }
            else if (partner.Kind != OrganizationKind.Partner)
            {
                problems.Add(ServiceErrorCode.NotAPartner);
            }
            else
            {
                PartnerIds.Add(partner.Id);
            }
        }

        Errors.AddRange(problems.Order().Select(p => new ServiceError(ServiceFields.Partners, p)));
    }

    private void Urls(IReadOnlyList<string>? urls)
    {
        var list = (urls ?? []).Select(Clean).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // Stored space-separated, so a URL must not hold white space of its own.
        if (list.Any(u => u.Any(char.IsWhiteSpace) || !ServiceRules.IsValidEntryUrl(u)))
        {
            Errors.Add(new(ServiceFields.EntryUrls, ServiceErrorCode.InvalidUrl));
            return;
        }

        EntryUrls = string.Join(' ', list);
        if (EntryUrls.Length > EntryUrlsMaxLength)
        {
            Errors.Add(new(ServiceFields.EntryUrls, ServiceErrorCode.TooLong, EntryUrlsMaxLength));
        }
    }

    private void ChannelAndPhase(ServiceInput input, bool phaseRequired)
    {
        var channel = Clean(input.Channel);
        if (channel.Length == 0)
        {
            Errors.Add(new(ServiceFields.Channel, ServiceErrorCode.Required));
        }
        else if (!TryParseChannel(channel, out var parsed))
        {
            Errors.Add(new(ServiceFields.Channel, ServiceErrorCode.UnknownChannel));
        }
        else
        {
            Channel = parsed;
        }

        var phase = Clean(input.Phase);
        if (phase.Length == 0)
        {
            if (phaseRequired)
            {
                Errors.Add(new(ServiceFields.Phase, ServiceErrorCode.Required));
            }
        }
        else if (ServicePhaseNames.TryParse(phase, out var parsedPhase))
        {
            Phase = parsedPhase;
        }
        else
        {
            Errors.Add(new(ServiceFields.Phase, ServiceErrorCode.UnknownPhase));
        }
    }

    /// <summary>The channel's key (web, counter, phone, app) in any case; numbers are not accepted.</summary>
    public static bool TryParseChannel(string text, out ServiceChannel channel)
    {
        foreach (var value in Enum.GetValues<ServiceChannel>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                channel = value;
                return true;
            }
        }

        channel = default;
        return false;
    }
}
