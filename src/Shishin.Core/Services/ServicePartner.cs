using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>A partner company (vendor) assigned to a service.</summary>
public class ServicePartner
{
    public Guid ServiceId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}
