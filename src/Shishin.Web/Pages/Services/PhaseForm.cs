using System.ComponentModel.DataAnnotations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

public sealed class PhaseForm
{
    [Required(ErrorMessage = "Choose a phase.")]
    [Display(Name = "New phase")]
    public string? Phase { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Date entered")]
    public DateOnly? EnteredOn { get; set; }

    [StringLength(ServiceRegistry.NoteMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public PhaseInput ToInput() => new(Phase ?? "", EnteredOn, Note);
}
