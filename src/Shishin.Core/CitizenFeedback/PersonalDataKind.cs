namespace Shishin.Core.CitizenFeedback;

/// <summary>The kinds of personal data the redactor replaces, each with its own placeholder.</summary>
internal enum PersonalDataKind
{
    Email,
    Phone,
    MyNumber,
    Card,
}
