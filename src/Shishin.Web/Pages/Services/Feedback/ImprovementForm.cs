using System.ComponentModel.DataAnnotations;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>A "you said, we did" item as typed: Japanese required, English optional, themes from reasons and tags.</summary>
public sealed class ImprovementForm
{
    [Required(ErrorMessage = "Enter what people said, in Japanese.")]
    [StringLength(FeedbackImprovements.YouSaidMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "You said (Japanese)")]
    public string? YouSaidJa { get; set; }

    [StringLength(FeedbackImprovements.YouSaidMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "You said (English)")]
    public string? YouSaidEn { get; set; }

    [Required(ErrorMessage = "Enter what you did, in Japanese.")]
    [StringLength(FeedbackImprovements.WeDidMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "We did (Japanese)")]
    public string? WeDidJa { get; set; }

    [StringLength(FeedbackImprovements.WeDidMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "We did (English)")]
    public string? WeDidEn { get; set; }

    public List<string> Themes { get; set; } = [];

    [Required(ErrorMessage = "Enter the date of the improvement, for example 2026-04-01.")]
    [DataType(DataType.Date)]
    [Display(Name = "Improved on")]
    public DateOnly? ImprovedOn { get; set; }

    public FeedbackImprovementInput ToInput() => new(YouSaidJa, YouSaidEn, WeDidJa, WeDidEn, Themes, ImprovedOn);

    public static ImprovementForm From(FeedbackImprovement item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            YouSaidJa = item.YouSaidJa,
            YouSaidEn = item.YouSaidEn,
            WeDidJa = item.WeDidJa,
            WeDidEn = item.WeDidEn,
            Themes = [.. item.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            ImprovedOn = item.ImprovedOn,
        };
    }
}
