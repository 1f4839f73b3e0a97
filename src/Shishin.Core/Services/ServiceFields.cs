namespace Shishin.Core.Services;

/// <summary>The field names of <see cref="ServiceError"/>, as the API's JSON names them (camelCase).</summary>
public static class ServiceFields
{
    public const string Key = "key";
    public const string NameJa = "nameJa";
    public const string NameEn = "nameEn";
    public const string DescriptionJa = "descriptionJa";
    public const string DescriptionEn = "descriptionEn";
    public const string Organization = "organization";
    public const string Partners = "partners";
    public const string EntryUrls = "entryUrls";
    public const string Audience = "audience";
    public const string Channel = "channel";
    public const string Phase = "phase";
    public const string EnteredOn = "enteredOn";
    public const string Note = "note";
    public const string FiscalYear = "fiscalYear";
    public const string AnnualApplications = "annualApplications";
    public const string DigitalApplications = "digitalApplications";
    public const string MedianCompletionMinutes = "medianCompletionMinutes";
    public const string InputItems = "inputItems";
    public const string AttachmentsRequired = "attachmentsRequired";
    public const string DaysToResultNotice = "daysToResultNotice";
}
