namespace Shishin.Core.Services;

/// <summary>What is wrong with a service CSV file or one of its rows; the web page words each in the reader's language.</summary>
public enum ServiceCsvProblem
{
    FileTooLarge,
    TooManyRows,
    UnreadableEncoding,
    EmptyFile,
    UnknownColumn,
    DuplicateColumn,
    MissingColumn,
    MalformedQuotes,
    WrongFieldCount,
    BadKey,
    DuplicateKey,
    MissingName,
    TooLong,
    UnknownOrganization,
    AmbiguousOrganization,
    PartnerAsOwner,
    NotYourOrganization,
    CannotEditService,
    BadPhase,
    BadPublic,
    BadChannel,
    MalformedUrl,
    UnknownPartner,
    NotAPartner,
    ChangedMeanwhile,
}
