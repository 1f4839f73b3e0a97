using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Services;

/// <summary>
/// Upload a service CSV: "Check" runs a dry run and lists every problem with its line, or what would be created and
/// updated; "Import" checks the same way and imports only when no row has a problem. Admins import anything, service
/// owners the services of their own organisations (<see cref="ServiceScope"/>).
/// <para>Between the check and the import the person chooses the file again (the browser keeps no file across pages)
/// rather than the server keeping it: no upload is held on one web node or carried as a multi-megabyte hidden field, and
/// the import checks everything again anyway, so importing another file than the one checked can do no harm.</para>
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ServiceCsvPageConventions.ImportRequestLimit)]
public sealed class ImportModel(ServiceAccess access, ServiceCsvImporter importer, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "CSV file")]
    public IFormFile? Upload { get; set; }

    public ServiceImportReport? Report { get; private set; }

    public string FileName { get; private set; } = "";

    public ServiceCsvMessages Messages { get; } = new(l);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => RunAsync(dryRun: true, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => RunAsync(dryRun: false, cancellationToken);

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a CSV file."]);
            return Page();
        }

        if (Upload.Length > ServiceCsv.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The file is larger than {0} MB.", ServiceCsv.MaxBytes / (1024 * 1024)]);
            return Page();
        }

        byte[] content;
        await using (var stream = Upload.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        FileName = Path.GetFileName(Upload.FileName);
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        Report = await importer.ImportAsync(content, scope, dryRun, cancellationToken);
        if (Report.Applied)
        {
            TempData["Notice"] = l["Imported {0}: {1} services created, {2} updated.", FileName, Report.Created.Count, Report.Updated.Count].Value;
            return RedirectToPage();
        }

        if (!Report.IsValid)
        {
            ModelState.AddModelError(nameof(Upload), l["{0} has {1} problem(s); nothing was imported. The table below lists them.", FileName, Report.Errors.Count]);
        }

        return Page();
    }
}
