namespace Shishin.Core.Services;

/// <summary>One dated step in a service's lifecycle: the phase it entered, on which day, who recorded it.</summary>
public class ServicePhaseChange
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public ServicePhase Phase { get; set; }

    /// <summary>The day the service entered the phase (Japan date), as the team states it.</summary>
    public DateOnly EnteredOn { get; set; }

    public string Note { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedByName { get; set; } = "";
}
