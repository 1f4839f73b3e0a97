using System.ComponentModel.DataAnnotations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The fields of the add and edit forms. The annotations give the labels, the browser's length limits and the first
/// messages; <see cref="ServiceRegistry"/> checks everything again (lookups, URLs, the key) and its messages fill the
/// fields that are still without one.
/// </summary>
public sealed class ServiceForm
{
    /// <summary>Only on the add form: the key never changes once given.</summary>
    [Required(ErrorMessage = "Enter a key.")]
    [StringLength(ServiceRules.KeyMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Key")]
    public string? Key { get; set; }

    [Required(ErrorMessage = "Enter the name in Japanese.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (Japanese)")]
    public string? NameJa { get; set; }

    [Required(ErrorMessage = "Enter the name in English.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Description (Japanese)")]
    public string? DescriptionJa { get; set; }

    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Choose the organisation that owns the service.")]
    [Display(Name = "Owner organisation")]
    public string? Organization { get; set; }

    public List<string> Partners { get; set; } = [];

    /// <summary>One address per line in the form; stored space-separated.</summary>
    [StringLength(4000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Entry URLs")]
    public string? EntryUrls { get; set; }

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Audience")]
    public string? Audience { get; set; }

    [Required(ErrorMessage = "Choose a channel.")]
    [Display(Name = "Channel")]
    public string? Channel { get; set; }

    public bool IsPublic { get; set; }

    /// <summary>Only on the add form; the edit form leaves the phase to its own page.</summary>
    [Required(ErrorMessage = "Choose a phase.")]
    [Display(Name = "Phase")]
    public string? Phase { get; set; }

    public IReadOnlyList<string> UrlList() => (EntryUrls ?? "").Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public ServiceInput ToInput() => new(
        Key ?? "", NameJa ?? "", NameEn ?? "", DescriptionJa ?? "", DescriptionEn ?? "", Organization ?? "", Partners,
        UrlList(), Audience ?? "", Channel ?? "", IsPublic, Phase);

    public static ServiceForm From(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new()
        {
            Key = service.Key,
            NameJa = service.NameJa,
            NameEn = service.NameEn,
            DescriptionJa = service.DescriptionJa,
            DescriptionEn = service.DescriptionEn,
            Organization = service.OwnerOrganization?.Key,
            Partners = [.. service.Partners.Select(p => p.Organization?.Key ?? "")],
            EntryUrls = string.Join('\n', service.EntryUrlList()),
            Audience = service.Audience,
            Channel = service.Channel.ToString().ToLowerInvariant(),
            IsPublic = service.IsPublic,
        };
    }
}
