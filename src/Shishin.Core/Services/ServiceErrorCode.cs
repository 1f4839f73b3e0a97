namespace Shishin.Core.Services;

/// <summary>Why a field of a register write was refused; the UI and the API each word it in the reader's language.</summary>
public enum ServiceErrorCode
{
    Required,
    TooLong,
    InvalidKey,
    KeyTaken,
    UnknownOrganization,
    OwnerIsPartner,
    NotYourOrganization,
    UnknownPartner,
    NotAPartner,
    InvalidUrl,
    UnknownChannel,
    UnknownPhase,
    SamePhase,
    FutureDate,
    BeforePreviousChange,
    FiscalYearOutOfRange,
    Negative,
    TooPrecise,
    TooLarge,
    DigitalExceedsAnnual,
}
